namespace Spx.Research.Monitor.Polling;

/// <summary>
/// The instant a poll is stored under: the clock truncated to the minute, so a poll retried or repeated
/// within the same minute has the same key and is stored once.
/// </summary>
public static class PollInstant
{
    /// <summary><paramref name="now"/> in UTC, seconds and below dropped.</summary>
    public static DateTimeOffset Of(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }
}
