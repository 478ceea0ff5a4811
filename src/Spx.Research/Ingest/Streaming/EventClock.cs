namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The newest event start any connection has seen: "the data says it is already this late". The stream stops
/// when this or the market clock passes the stop time plus the drain, so a replay at full speed (whose server
/// clock stands still) ends when its data does, and a quiet connection (options without trades) is not waited for.
/// </summary>
public sealed class EventClock
{
    private long _ticks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>The newest event start seen, or <see cref="DateTimeOffset.MinValue"/>.</summary>
    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    /// <summary>Moves the clock forward to <paramref name="eventStart"/> (never back).</summary>
    public void Saw(DateTimeOffset eventStart)
    {
        var ticks = eventStart.UtcTicks;
        var seen = Interlocked.Read(ref _ticks);
        while (ticks > seen)
        {
            var previous = Interlocked.CompareExchange(ref _ticks, ticks, seen);
            if (previous == seen) return;
            seen = previous;
        }
    }
}
