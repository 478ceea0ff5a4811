namespace Spx.Research.Monitor.Scheduling;

/// <summary>What the scheduler does next, and when.</summary>
/// <param name="Schedule">The session the step belongs to.</param>
/// <param name="At">When it runs: the slot itself, or now for a late step.</param>
/// <param name="Slot">The poll slot; null for end of day.</param>
internal sealed record PlannedStep(SessionSchedule Schedule, DateTimeOffset At, DateTimeOffset? Slot)
{
    public bool IsPoll => Slot is not null;

    public DateOnly Session => Schedule.Session.Date;
}
