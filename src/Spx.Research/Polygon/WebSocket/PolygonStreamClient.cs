using System.Net.WebSockets;
using System.Threading.Channels;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A client for one Polygon/Massive WebSocket cluster: connects, authenticates, subscribes, and hands every
/// event to the consumer through a bounded channel. When the connection drops it reconnects with backoff,
/// re-authenticates and re-subscribes the remembered topics by itself, and says so with a
/// <see cref="ReconnectedEvent"/>; when it cannot, the stream ends with a typed <see cref="PolygonStreamException"/>
/// that <see cref="ReadAllAsync"/> throws after the buffered events.
/// </summary>
/// <remarks>
/// This class is the public lifecycle only; the parts: <see cref="StreamHandshake"/> (connect + auth),
/// <see cref="StreamConnection"/> (one socket's messages in and actions out), <see cref="ReconnectLoop"/> (pump,
/// reconnect, re-subscribe), <see cref="FramePump"/> (receive until the connection ends), <see cref="SubscriptionBook"/>
/// (remembered topics, awaited replies), <see cref="SubscriptionSender"/> (changes and re-subscriptions through one
/// gate), <see cref="StreamReconnector"/> (Polly backoff), <see cref="EventOutlet"/> (the consumer's channel) and
/// <see cref="StreamCounters"/>.
/// </remarks>
/// <example>
/// <code>
/// await using var client = new PolygonStreamClient(new PolygonStreamOptions { ApiKey = key, Cluster = StreamCluster.Indices });
/// await client.ConnectAsync(ct);
/// var results = await client.SubscribeAsync(["A.I:SPX", "V.I:SPX"], ct);
/// await foreach (var ev in client.ReadAllAsync(ct))
///     if (ev is AggregateEvent bar) Console.WriteLine($"{bar.Symbol} {bar.Close}");
/// </code>
/// </example>
public sealed class PolygonStreamClient : IAsyncDisposable
{
    private readonly PolygonStreamOptions _options;
    private readonly StreamCounters _counters = new();
    private readonly EventOutlet _outlet;
    private readonly SubscriptionBook _subscriptions = new();
    private readonly StreamHandshake _handshake;
    private readonly SubscriptionSender _sender;
    private readonly ReconnectLoop _loop;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _run;
    private volatile bool _closing;
    private int _started;
    private int _finished;
    private int _disposed;

    /// <summary>Creates a client; nothing is sent until <see cref="ConnectAsync"/>.</summary>
    public PolygonStreamClient(PolygonStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _outlet = new EventOutlet(options, _counters);
        _handshake = new StreamHandshake(options, new RedactingFrameDecoder(options.ApiKey, _counters), _counters, _outlet);
        _sender = new SubscriptionSender(_subscriptions, options);
        _loop = new ReconnectLoop(options, _counters, _outlet, _subscriptions, _sender, _handshake);
    }

    /// <summary>The URL connected to (never contains the key).</summary>
    public Uri Endpoint => _options.Endpoint;

    /// <summary>The events, in wire order. Completes when the stream ends; faults with the typed reason when it fails.</summary>
    public ChannelReader<StreamEvent> Events => _outlet.Reader;

    /// <summary>
    /// Completes when the connection has ended for good: normally after <see cref="CloseAsync"/>, faulted with the
    /// typed reason otherwise. Events still buffered in <see cref="Events"/> stay readable after it completes.
    /// </summary>
    public Task Completion => _ended.Task;

    /// <summary>A snapshot of the counters.</summary>
    public StreamStatistics Statistics => _counters.Snapshot();

    /// <summary>The topics re-subscribed after a reconnect.</summary>
    public IReadOnlyList<string> Subscriptions => _subscriptions.Topics;

    /// <summary>Every event until the stream ends; throws the stream's typed error, if any, after the last buffered event.</summary>
    public IAsyncEnumerable<StreamEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _outlet.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Opens the connection, waits for <c>connected</c> (or <c>success</c>), sends the key, and returns once the
    /// server answers <c>auth_success</c>. Called once; later connections are the client's own business.
    /// </summary>
    /// <exception cref="PolygonStreamAuthException"><c>auth_failed</c> or <c>auth_timeout</c>.</exception>
    /// <exception cref="PolygonStreamDisconnectedException">The server refused the connection, e.g. <c>max_connections</c>.</exception>
    /// <exception cref="PolygonStreamException">The server could not be reached or did not finish the handshake in time.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("ConnectAsync was already called; the client reconnects by itself");
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        StreamConnection connection;
        try
        {
            connection = await _handshake.ConnectOnceAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            Finish(new PolygonStreamException("the connection attempt was cancelled", e));
            throw;
        }
        catch (PolygonStreamException e)
        {
            Finish(e);
            throw;
        }
        await _sender.AttachAsync(connection, CancellationToken.None).ConfigureAwait(false);
        _run = Task.Run(() => RunAsync(connection));
    }

    /// <summary>
    /// Subscribes to <paramref name="topics"/> (<c>AM.SPY</c>, <c>A.I:SPX</c>, <c>V.I:SPX</c>, <c>A.*</c>) and returns
    /// the server's answer per topic. Topics are remembered and re-subscribed after a reconnect; a topic the server
    /// refuses is forgotten.
    /// </summary>
    public Task<IReadOnlyList<SubscriptionResult>> SubscribeAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default) =>
        ChangeAsync(topics, subscribe: true, cancellationToken);

    /// <summary>Unsubscribes from <paramref name="topics"/>, forgets them, and returns the server's answer per topic.</summary>
    public Task<IReadOnlyList<SubscriptionResult>> UnsubscribeAsync(IEnumerable<string> topics, CancellationToken cancellationToken = default) =>
        ChangeAsync(topics, subscribe: false, cancellationToken);

    /// <summary>
    /// Closes the connection normally; the event stream then ends without error (buffered events stay readable).
    /// A close we asked for is never followed by a reconnect.
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        _closing = true;
        if (_subscriptions.Live is { } connection)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _options.TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await connection.CloseAsync(linked.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                connection.Abort();
            }
        }
        else
        {
            // Between connections (backing off before a reconnect): there is nothing to close, so stop waiting now.
            await _lifetime.CancelAsync().ConfigureAwait(false);
        }
        if (_run is { } run)
        {
            try
            {
                await run.WaitAsync(_options.HandshakeTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The server did not answer the close, or the consumer stopped reading under Wait: stop anyway.
                await _lifetime.CancelAsync().ConfigureAwait(false);
                await run.ConfigureAwait(false);
            }
        }
        Finish(null);
    }

    /// <summary>Closes (if still open) and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            if (Volatile.Read(ref _finished) == 0) await CloseAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is PolygonStreamException or WebSocketException or OperationCanceledException)
        {
            // Disposal must not throw; the stream's outcome is in Completion.
        }
        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (_run is { } run) await run.ConfigureAwait(false);
        Finish(null);
        _lifetime.Dispose();
    }

    private async Task<IReadOnlyList<SubscriptionResult>> ChangeAsync(IEnumerable<string> topics, bool subscribe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var list = topics.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0) return [];
        foreach (var topic in list)
            if (string.IsNullOrWhiteSpace(topic) || topic.Contains(',') || topic.Any(char.IsWhiteSpace))
                throw new ArgumentException($"'{topic}' is not a topic (EV.SYMBOL, no commas or spaces)", nameof(topics));
        if (Volatile.Read(ref _started) == 0) throw new InvalidOperationException("call ConnectAsync first");
        if (Volatile.Read(ref _finished) != 0) throw new InvalidOperationException("the stream has ended");

        return await _sender.ChangeAsync(list, subscribe, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the stream after the first connection and ends it with the loop's outcome.</summary>
    private async Task RunAsync(StreamConnection first)
    {
        var error = await _loop.RunAsync(first, () => _closing, _lifetime.Token).ConfigureAwait(false);
        Finish(error);
    }

    private void Finish(PolygonStreamException? error)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        _subscriptions.CloseAll();
        _outlet.Complete(error);
        if (error is null) _ended.TrySetResult();
        else _ended.TrySetException(error);
    }
}
