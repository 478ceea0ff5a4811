namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The client's counters, bumped from the receive loop and the consumer's thread at once, so every one is
/// updated with <see cref="Interlocked"/> and read as one <see cref="StreamStatistics"/> snapshot.
/// </summary>
internal sealed class StreamCounters
{
    private long _frames, _received, _delivered, _dropped, _decodeErrors, _unknown, _duplicates;
    private int _reconnects;

    public void Frame() => Interlocked.Increment(ref _frames);

    public void Received() => Interlocked.Increment(ref _received);

    public void Delivered() => Interlocked.Increment(ref _delivered);

    public void Dropped() => Interlocked.Increment(ref _dropped);

    public void DecodeError() => Interlocked.Increment(ref _decodeErrors);

    public void Unknown() => Interlocked.Increment(ref _unknown);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    /// <summary>Counts a successful reconnect and returns how many there have been.</summary>
    public int Reconnected() => Interlocked.Increment(ref _reconnects);

    public StreamStatistics Snapshot() => new(
        Interlocked.Read(ref _frames),
        Interlocked.Read(ref _received),
        Interlocked.Read(ref _delivered),
        Interlocked.Read(ref _dropped),
        Volatile.Read(ref _reconnects),
        Interlocked.Read(ref _decodeErrors),
        Interlocked.Read(ref _unknown),
        Interlocked.Read(ref _duplicates));
}
