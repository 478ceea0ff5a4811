namespace Spx.Research.Polygon.Clock;

/// <summary>How <see cref="ServerClock"/> reads and follows a server's clock. Durations are on the wall clock.</summary>
public sealed record ServerClockOptions
{
    /// <summary>Wall time between the two readings that measure the server clock's rate.</summary>
    public TimeSpan MeasureOver { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Pause between readings while waiting for the server's second to tick over: the server sends whole
    /// seconds, so a reading is exact only at a tick. Smaller is more precise and costs more requests.
    /// </summary>
    public TimeSpan TickPoll { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest wall wait for a tick; longer means the server clock stands still (a simulator at speed max).</summary>
    public TimeSpan TickTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Wall time after which the next reading of the clock checks it against the server again; null never does.</summary>
    public TimeSpan? ResyncEvery { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Told about resyncs that moved the clock and about failed ones (the clock keeps its last rate).</summary>
    public Action<string>? OnNotice { get; init; }
}
