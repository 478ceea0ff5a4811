using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A client for one Polygon/Massive WebSocket cluster: connects, authenticates, subscribes, and hands every
/// event to the consumer through a bounded channel. When the connection drops it reconnects with backoff,
/// re-authenticates and re-subscribes the remembered topics by itself, and says so with a
/// <see cref="ReconnectedEvent"/>; when it cannot, the stream ends with a typed <see cref="PolygonStreamException"/>
/// that <see cref="ReadAllAsync"/> throws after the buffered events.
/// </summary>
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
    private const int InitialBufferBytes = 64 * 1024;
    private const int RawPreviewChars = 4096;

    private readonly PolygonStreamOptions _options;
    private readonly Channel<StreamEvent> _channel;
    private readonly CountingChannelReader _reader;
    private readonly StreamFrameDecoder _decoder = new();
    private readonly List<StreamEvent> _scratch = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly List<string> _topics = [];
    private readonly List<PendingReply> _pending = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ClientWebSocket? _socket;
    private Task? _run;
    private volatile bool _closing;
    private int _started;
    private int _finished;
    private int _disposed;
    private long _frames, _received, _delivered, _dropped, _decodeErrors, _unknown, _duplicateCount;
    private readonly AggregateDeduplicator _duplicates = new(); // used by the receive loop only
    private int _reconnects;

    /// <summary>Creates a client; nothing is sent until <see cref="ConnectAsync"/>.</summary>
    public PolygonStreamClient(PolygonStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChannelCapacity, 1, nameof(options.ChannelCapacity));
        _options = options;
        var channelOptions = new BoundedChannelOptions(options.ChannelCapacity)
        {
            FullMode = options.BackPressure == StreamBackPressure.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        };
        _channel = Channel.CreateBounded<StreamEvent>(channelOptions, _ => Interlocked.Increment(ref _dropped));
        _reader = new CountingChannelReader(_channel.Reader, () => Interlocked.Increment(ref _delivered));
    }

    /// <summary>The URL connected to (never contains the key).</summary>
    public Uri Endpoint => _options.Endpoint;

    /// <summary>The events, in wire order. Completes when the stream ends; faults with the typed reason when it fails.</summary>
    public ChannelReader<StreamEvent> Events => _reader;

    /// <summary>
    /// Completes when the connection has ended for good: normally after <see cref="CloseAsync"/>, faulted with the
    /// typed reason otherwise. Events still buffered in <see cref="Events"/> stay readable after it completes.
    /// </summary>
    public Task Completion => _ended.Task;

    /// <summary>A snapshot of the counters.</summary>
    public StreamStatistics Statistics => new(
        Interlocked.Read(ref _frames),
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _delivered),
        Interlocked.Read(ref _dropped),
        Volatile.Read(ref _reconnects),
        Interlocked.Read(ref _decodeErrors),
        Interlocked.Read(ref _unknown),
        Interlocked.Read(ref _duplicateCount));

    /// <summary>The topics re-subscribed after a reconnect.</summary>
    public IReadOnlyList<string> Subscriptions
    {
        get { lock (_gate) return [.. _topics]; }
    }

    /// <summary>Every event until the stream ends; throws the stream's typed error, if any, after the last buffered event.</summary>
    public IAsyncEnumerable<StreamEvent> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _reader.ReadAllAsync(cancellationToken);

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
        ClientWebSocket socket;
        try
        {
            socket = await OpenAndAuthenticateAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            Finish(new PolygonStreamException("the connection attempt was cancelled", e));
            throw;
        }
        catch (Exception e)
        {
            var error = e as PolygonStreamException ?? Unreachable(e);
            Finish(error);
            if (ReferenceEquals(error, e)) throw;
            throw error;
        }
        _socket = socket;
        _run = Task.Run(() => RunAsync(socket));
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
        var socket = _socket;
        if (socket is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _options.TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await _sendLock.WaitAsync(linked.Token).ConfigureAwait(false);
                try
                {
                    if (socket.State == WebSocketState.Open)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", linked.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                socket.Abort();
            }
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

    /// <summary>Closes (if still open) and releases the socket.</summary>
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
        _socket?.Dispose();
        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    private PolygonStreamException Unreachable(Exception e) =>
        new($"could not connect to {Endpoint}: {_options.ApiKey.Redact(e.Message)}", e);

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

        var pending = new List<PendingReply>(list.Length);
        lock (_gate)
        {
            foreach (var topic in list)
            {
                if (subscribe && !_topics.Contains(topic)) _topics.Add(topic);
                if (!subscribe) _topics.Remove(topic);
                var reply = new PendingReply(topic, subscribe);
                _pending.Add(reply);
                pending.Add(reply);
            }
        }

        var sent = false;
        if (_socket is { } socket)
        {
            try
            {
                await SendActionAsync(socket, subscribe ? "subscribe" : "unsubscribe", string.Join(',', list), cancellationToken).ConfigureAwait(false);
                sent = true;
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is dropping; the reconnect re-sends remembered subscriptions and answers them.
            }
        }
        if (!sent && !subscribe)
            Settle(pending, "not_sent", "the connection dropped before the unsubscribe was sent; the topic will not be re-subscribed");

        try
        {
            await Task.WhenAll(pending.Select(p => p.Result)).WaitAsync(_options.ReplyTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Settle(pending, "timeout", $"no reply within {_options.ReplyTimeout}");
        }
        catch (OperationCanceledException)
        {
            Settle(pending, "cancelled", "the caller stopped waiting");
            throw;
        }
        return [.. pending.Select(p => p.Result.Result)];
    }

    private void Settle(IEnumerable<PendingReply> replies, string status, string message)
    {
        lock (_gate)
        {
            foreach (var reply in replies)
            {
                _pending.Remove(reply);
                reply.Complete(status, message);
            }
        }
    }

    private async Task RunAsync(ClientWebSocket socket)
    {
        var ct = _lifetime.Token;
        PolygonStreamException? error = null;
        try
        {
            while (true)
            {
                _socket = socket;
                var (notice, cause) = await ReceiveLoopAsync(socket, ct).ConfigureAwait(false);
                _socket = null;
                socket.Abort();
                socket.Dispose();
                SettleLostUnsubscribes();
                if (_closing || ct.IsCancellationRequested) break;
                if (notice is not null && !ReconnectsAfter(notice.Reason))
                {
                    error = new PolygonStreamDisconnectedException(notice.Reason, _options.ApiKey.Redact(notice.Message));
                    break;
                }
                socket = await ReconnectAsync(cause, ct).ConfigureAwait(false);
                _socket = socket;
                var count = Interlocked.Increment(ref _reconnects);
                await PublishAsync(new ReconnectedEvent(count, cause), ct).ConfigureAwait(false);
                await ResubscribeAsync(socket, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || _closing)
        {
            // Disposed or closed: a normal end.
        }
        catch (PolygonStreamException e)
        {
            error = e;
        }
        catch (Exception e)
        {
            // Whatever else ends the loop reaches the consumer as the stream's error, never as a silent end.
            error = _closing ? null : new PolygonStreamException($"the stream failed: {_options.ApiKey.Redact(e.Message)}", e);
        }
        finally
        {
            _socket = null;
            Finish(error);
        }
    }

    /// <summary>
    /// An unsubscribe whose reply died with the connection will never be answered; the topic is already forgotten,
    /// so the new connection does not carry it. Subscribes stay pending: the re-subscription answers them.
    /// </summary>
    private void SettleLostUnsubscribes()
    {
        lock (_gate)
        {
            foreach (var reply in _pending.Where(p => !p.Subscribe).ToList())
            {
                _pending.Remove(reply);
                reply.Complete("connection_lost", "the connection dropped before the reply; the topic is not re-subscribed");
            }
        }
    }

    private bool ReconnectsAfter(DisconnectReason reason) =>
        reason == DisconnectReason.SlowConsumer && _options.Reconnect.ReconnectAfterSlowConsumer;

    private async Task<ClientWebSocket> ReconnectAsync(string cause, CancellationToken ct)
    {
        var policy = _options.Reconnect;
        Exception? last = null;
        for (var attempt = 1; attempt <= policy.MaxAttempts; attempt++)
        {
            await Task.Delay(policy.DelayBefore(attempt, Random.Shared), _options.TimeProvider, ct).ConfigureAwait(false);
            try
            {
                return await OpenAndAuthenticateAsync(ct).ConfigureAwait(false);
            }
            catch (PolygonStreamAuthException)
            {
                throw;
            }
            catch (PolygonStreamDisconnectedException e) when (!ReconnectsAfter(e.Reason))
            {
                throw;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                last = e is PolygonStreamException ? e : Unreachable(e);
            }
        }
        throw new PolygonStreamReconnectException(policy.MaxAttempts, cause, last);
    }

    private async Task ResubscribeAsync(ClientWebSocket socket, CancellationToken ct)
    {
        string[] topics;
        lock (_gate)
        {
            topics = [.. _topics];
            foreach (var topic in topics)
                if (!_pending.Any(p => p.Topic == topic && p.Subscribe))
                    _pending.Add(new PendingReply(topic, subscribe: true));
        }
        if (topics.Length > 0) await SendActionAsync(socket, "subscribe", string.Join(',', topics), ct).ConfigureAwait(false);
    }

    private async Task<ClientWebSocket> OpenAndAuthenticateAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var socket = new ClientWebSocket();
        var buffer = new MessageBuffer(InitialBufferBytes);
        try
        {
            await socket.ConnectAsync(Endpoint, linked.Token).ConfigureAwait(false);
            var authSent = false;
            while (true)
            {
                var (length, closed) = await ReceiveMessageAsync(socket, buffer, linked.Token).ConfigureAwait(false);
                if (closed)
                    throw new PolygonStreamException($"the server closed the connection during the handshake ({socket.CloseStatus} {_options.ApiKey.Redact(socket.CloseStatusDescription)})");
                var authenticated = false;
                foreach (var ev in DecodeFrame(buffer.Bytes.AsSpan(0, length)))
                {
                    switch (ev)
                    {
                        case StatusEvent { Status: "connected" or "success" } when !authSent:
                            await SendActionAsync(socket, "auth", _options.ApiKey.Reveal(), linked.Token).ConfigureAwait(false);
                            authSent = true;
                            break;
                        case StatusEvent { Status: "auth_success" }:
                            authenticated = true;
                            break;
                        case StatusEvent { Status: "auth_failed" or "auth_timeout" } failed:
                            await PublishAsync(ev, linked.Token).ConfigureAwait(false);
                            throw new PolygonStreamAuthException(failed.Status, _options.ApiKey.Redact(failed.Message));
                        case DisconnectNoticeEvent notice:
                            await PublishAsync(ev, linked.Token).ConfigureAwait(false);
                            throw new PolygonStreamDisconnectedException(notice.Reason, _options.ApiKey.Redact(notice.Message));
                    }
                    await PublishAsync(ev, linked.Token).ConfigureAwait(false);
                }
                if (authenticated) return socket;
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            socket.Abort();
            socket.Dispose();
            throw new PolygonStreamException($"no auth_success from {Endpoint} within {_options.HandshakeTimeout}", e);
        }
        catch
        {
            socket.Abort();
            socket.Dispose();
            throw;
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>Reads one whole message (reassembling fragments), growing the pooled buffer as needed.</summary>
    private async Task<(int Length, bool Closed)> ReceiveMessageAsync(ClientWebSocket socket, MessageBuffer buffer, CancellationToken ct)
    {
        var length = 0;
        var oversized = false;
        while (true)
        {
            if (length == buffer.Bytes.Length)
            {
                if (length >= _options.MaxMessageBytes)
                {
                    oversized = true;
                    length = 0;
                }
                else
                {
                    buffer.Grow(length, Math.Min(_options.MaxMessageBytes, length * 2));
                }
            }
            var result = await socket.ReceiveAsync(buffer.Bytes.AsMemory(length), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return (0, true);
            length += result.Count;
            if (!result.EndOfMessage) continue;
            Interlocked.Increment(ref _frames);
            if (!oversized) return (length, false);
            Interlocked.Increment(ref _decodeErrors);
            await PublishAsync(new DecodeErrorEvent($"message larger than {_options.MaxMessageBytes} bytes, discarded", ""), ct).ConfigureAwait(false);
            length = 0;
            oversized = false;
        }
    }

    /// <summary>Decodes into the scratch list; a frame-level error replaces the whole frame by one <see cref="DecodeErrorEvent"/>.</summary>
    private List<StreamEvent> DecodeFrame(ReadOnlySpan<byte> frame)
    {
        _scratch.Clear();
        try
        {
            _decoder.Decode(frame, _scratch);
        }
        catch (PolygonStreamDecodeException e)
        {
            _scratch.Clear();
            var text = System.Text.Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, RawPreviewChars)]);
            _scratch.Add(new DecodeErrorEvent(e.Message, text));
        }
        for (var i = 0; i < _scratch.Count; i++)
        {
            switch (_scratch[i])
            {
                case DecodeErrorEvent bad:
                    Interlocked.Increment(ref _decodeErrors);
                    _scratch[i] = bad with { Reason = _options.ApiKey.Redact(bad.Reason), RawJson = _options.ApiKey.Redact(bad.RawJson) };
                    break;
                case UnknownEvent unknown:
                    Interlocked.Increment(ref _unknown);
                    _scratch[i] = unknown with { RawJson = _options.ApiKey.Redact(unknown.RawJson) };
                    break;
                case StatusEvent status:
                    _scratch[i] = status with { Message = _options.ApiKey.Redact(status.Message) };
                    break;
            }
        }
        return _scratch;
    }

    /// <summary>Receives until the connection ends; returns the disconnect notice seen (if any) and a key-free cause.</summary>
    private async Task<(DisconnectNoticeEvent? Notice, string Cause)> ReceiveLoopAsync(ClientWebSocket socket, CancellationToken ct)
    {
        DisconnectNoticeEvent? notice = null;
        var buffer = new MessageBuffer(InitialBufferBytes);
        try
        {
            while (true)
            {
                int length;
                bool closed;
                try
                {
                    (length, closed) = await ReceiveMessageAsync(socket, buffer, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException
                                              || (e is OperationCanceledException && !ct.IsCancellationRequested))
                {
                    return (notice, $"connection lost: {_options.ApiKey.Redact(e.Message)}");
                }
                if (closed)
                {
                    if (!_closing && socket.State == WebSocketState.CloseReceived)
                    {
                        try
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct).ConfigureAwait(false);
                        }
                        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
                        {
                            // Already gone.
                        }
                    }
                    return (notice, $"server closed the connection ({socket.CloseStatus} {_options.ApiKey.Redact(socket.CloseStatusDescription)})".Replace("  ", " "));
                }
                foreach (var ev in DecodeFrame(buffer.Bytes.AsSpan(0, length)))
                {
                    switch (ev)
                    {
                        case DisconnectNoticeEvent n:
                            notice = n;
                            break;
                        case StatusEvent { Status: not ("connected" or "auth_success" or "auth_failed" or "auth_timeout") } status:
                            MatchReply(status);
                            break;
                    }
                    await PublishAsync(ev, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            buffer.Dispose();
        }
    }

    /// <summary>
    /// Completes the pending subscribe/unsubscribe this status answers: the one its message names, else the
    /// oldest (the server answers in order, and error replies do not always name the topic).
    /// </summary>
    private void MatchReply(StatusEvent status)
    {
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            var index = _pending.FindIndex(p => p.IsNamedBy(status.Message));
            if (index < 0) index = 0;
            var reply = _pending[index];
            _pending.RemoveAt(index);
            if (reply.Subscribe && status.Status != "success") _topics.Remove(reply.Topic);
            reply.Complete(status.Status, status.Message);
        }
    }

    private ValueTask PublishAsync(StreamEvent ev, CancellationToken ct)
    {
        Interlocked.Increment(ref _received);
        if (_options.DropDuplicates && ev is AggregateEvent bar && !_duplicates.IsNew(bar))
        {
            Interlocked.Increment(ref _duplicateCount);
            return ValueTask.CompletedTask;
        }

        if (_options.BackPressure == StreamBackPressure.DropOldest && _channel.Writer.TryWrite(ev)) return ValueTask.CompletedTask;
        return _channel.Writer.WriteAsync(ev, ct);
    }

    private async Task SendActionAsync(ClientWebSocket socket, string action, string parameters, CancellationToken ct)
    {
        var message = new ArrayBufferWriter<byte>(64 + parameters.Length);
        using (var writer = new Utf8JsonWriter(message))
        {
            writer.WriteStartObject();
            writer.WriteString("action", action);
            writer.WriteString("params", parameters);
            writer.WriteEndObject();
        }
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void Finish(PolygonStreamException? error)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        lock (_gate)
        {
            foreach (var reply in _pending) reply.Complete("closed", "the stream ended");
            _pending.Clear();
        }
        _channel.Writer.TryComplete(error);
        if (error is null) _ended.TrySetResult();
        else _ended.TrySetException(error);
    }
}
