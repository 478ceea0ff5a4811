namespace Spx.Research.Tests.Notifications;

/// <summary>A clock that reads a set instant (quiet hours, held ages) while timers stay real, so HTTP timeouts and retry waits work.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
