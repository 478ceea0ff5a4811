namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// What one source has done, for its heartbeat and the checkpoint: messages received (in the current heartbeat
/// window and today), late events, rows written, the last message and the connection's state. Readers, the
/// flusher and the heartbeat use it at once, so every member takes the one lock. Messages are stamped on the
/// market clock for the files and on <paramref name="wall"/> for the silence warning.
/// </summary>
public sealed class SourceActivity(StreamSource source, TimeProvider? wall = null)
{
    private readonly TimeProvider _wall = wall ?? TimeProvider.System;
    private DateTimeOffset? _lastWall;
    private readonly Lock _gate = new();
    private long _window;
    private long _today;
    private long _late;
    private long _written;
    private long _quarantined;
    private DateTimeOffset? _lastMessage;
    private DateTimeOffset? _lastEvent;
    private string _connection = "not connected";

    /// <summary>The source counted.</summary>
    public StreamSource Source => source;

    /// <summary>Continues today's totals from a checkpoint written by an earlier run of the same session.</summary>
    public void Resume(long today, long late, long written, long quarantined = 0)
    {
        lock (_gate) (_today, _late, _written, _quarantined) = (today, late, written, quarantined);
    }

    /// <summary>Counts one message received at <paramref name="at"/> whose data starts at <paramref name="eventStart"/>.</summary>
    public void Received(DateTimeOffset at, DateTimeOffset eventStart, bool late)
    {
        lock (_gate)
        {
            _window++;
            _today++;
            if (late) _late++;
            _lastMessage = at;
            _lastWall = _wall.GetUtcNow();
            if (_lastEvent is null || eventStart > _lastEvent) _lastEvent = eventStart;
        }
    }

    /// <summary>When the last message arrived on the wall clock, or null when none has.</summary>
    public DateTimeOffset? LastMessageWall
    {
        get { lock (_gate) return _lastWall; }
    }

    /// <summary>Counts rows a flush stored (new keys only) and rows it quarantined (bar and schema rules).</summary>
    public void Wrote(long rows, long quarantined = 0)
    {
        lock (_gate)
        {
            _written += rows;
            _quarantined += quarantined;
        }
    }

    /// <summary>Sets the connection's state: <c>connected</c>, <c>reconnected</c>, <c>closed</c>, <c>failed: …</c>, <c>polling</c>.</summary>
    public void Connection(string state)
    {
        lock (_gate) _connection = state;
    }

    /// <summary>The numbers now; with <paramref name="endWindow"/> the window count starts again from zero.</summary>
    public SourceSnapshot Snapshot(bool endWindow = false)
    {
        lock (_gate)
        {
            var snapshot = new SourceSnapshot(source.Dataset, _window, _today, _late, _written, _lastMessage, _lastEvent, _connection, _quarantined);
            if (endWindow) _window = 0;
            return snapshot;
        }
    }
}
