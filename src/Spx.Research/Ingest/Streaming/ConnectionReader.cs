using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// Records one planned connection: connects, subscribes its topics, and turns each aggregate into a row for the
/// buffer (late ones for the <c>_late</c> dataset), counting it for its source. It stops when an event starting at
/// or after the window's end plus the drain arrives, when the stream ends,
/// or when <c>stop</c> fires (SIGTERM, the close) — then it closes the connection and still hands over every
/// event the client had already received. Events starting at or after the stop time are not recorded but still
/// move the <see cref="EventClock"/>, until one is a drain past it.
/// </summary>
public sealed class ConnectionReader(
    PlannedConnection plan, PolygonStreamOptions options, StreamBuffer buffer, IReadOnlyDictionary<StreamSource, SourceActivity> activity,
    RecordingWindow window, TimeSpan drain, TimeProvider clock, EventClock events, TimeProvider wall, Action<string> log)
{
    private long _lastEvent = wall.GetTimestamp();

    /// <summary>The connection this reader records.</summary>
    public PlannedConnection Plan => plan;

    /// <summary>True once <see cref="RunAsync"/> has returned or thrown.</summary>
    public bool Finished { get; private set; }

    /// <summary>Wall time since the last event of any kind arrived (or since the reader was made).</summary>
    public TimeSpan Quiet => wall.GetElapsedTime(Interlocked.Read(ref _lastEvent));

    /// <summary>Runs until the window is recorded or <paramref name="stop"/> fires; throws the stream's error when it failed.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await RecordAsync(stop).ConfigureAwait(false);
        }
        finally
        {
            Finished = true;
        }
    }

    private async Task RecordAsync(CancellationToken stop)
    {
        await using var client = new PolygonStreamClient(options with { Cluster = plan.Cluster });
        var sources = StreamSource.All.Where(s => s.Cluster == plan.Cluster).ToArray();
        var complete = false;
        try
        {
            await client.ConnectAsync(stop).ConfigureAwait(false);
            var results = await client.SubscribeAsync(plan.Topics, stop).ConfigureAwait(false);
            foreach (var refused in results.Where(r => !r.Succeeded))
                log($"warning: {plan.Name}: {refused.Topic} not subscribed: {refused.Status} {refused.Message}".TrimEnd());
            Set(sources, "connected");
            log($"{plan.Name}: subscribed {results.Count(r => r.Succeeded)} of {plan.Topics.Count} topics");
            complete = await ReadAsync(client, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: what the client received is handed over below.
        }
        catch (PolygonStreamException e)
        {
            Set(sources, $"failed: {e.Message}");
            throw;
        }
        await client.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        // Stopped early (a signal, the deadline): every event the client already holds is still recorded. After the
        // data passed the stop time, what is left is beyond it or a replay of what was recorded.
        if (!complete)
            while (client.Events.TryRead(out var ev)) await HandleAsync(ev, CancellationToken.None).ConfigureAwait(false);
        Set(sources, "closed");
    }

    /// <summary>Reads until the data passes the stop time plus the drain (true) or the stream ends (false).</summary>
    private async Task<bool> ReadAsync(PolygonStreamClient client, CancellationToken stop)
    {
        await foreach (var ev in client.ReadAllAsync(stop).ConfigureAwait(false))
        {
            if (!await HandleAsync(ev, stop).ConfigureAwait(false))
            {
                log($"{plan.Name}: the stream's data reached the stop time {Market.NewYorkTime.ToLocal(window.Until):HH:mm} New York time plus {drain}");
                return true;
            }
        }
        return false;
    }

    /// <summary>Handles one event; false once an event lies a drain beyond the window.</summary>
    private async Task<bool> HandleAsync(StreamEvent ev, CancellationToken ct)
    {
        Interlocked.Exchange(ref _lastEvent, wall.GetTimestamp());
        switch (ev)
        {
            case AggregateEvent bar when StreamSource.For(plan.Cluster, bar.EventType) is { } source:
                events.Saw(bar.Start);
                if (bar.Start >= window.Until) return bar.Start < window.Until + drain;
                var now = clock.GetUtcNow();
                var late = window.IsLate(bar.Start);
                activity[source].Received(now, bar.Start, late);
                await buffer.AddAsync(late ? BarRow.Late(source, bar, now) : BarRow.OnTime(source, bar), ct).ConfigureAwait(false);
                break;
            case ReconnectedEvent reconnected:
                Set(StreamSource.All.Where(s => s.Cluster == plan.Cluster), $"reconnected ({reconnected.Reconnects})");
                log($"{plan.Name}: reconnected (#{reconnected.Reconnects}) after: {reconnected.Cause}; the lake skips bars it already has");
                break;
            case DecodeErrorEvent error:
                log($"warning: {plan.Name}: an event could not be decoded: {error.Reason}");
                break;
        }
        return true;
    }

    private void Set(IEnumerable<StreamSource> sources, string state)
    {
        foreach (var source in sources)
            if (activity.TryGetValue(source, out var a)) a.Connection(state);
    }
}
