namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// What is done for one session: loaded once from the steps (the lake) when the scheduler first looks at
/// the session, then kept in memory. Given-up steps are remembered here only, so a step that failed every
/// attempt is not retried in a loop, but a restart tries it again if it is still due.
/// </summary>
internal sealed class SessionProgress(IEnumerable<DateTimeOffset> storedPolls, bool endOfDayDone)
{
    private readonly HashSet<DateTimeOffset> _polled = [.. storedPolls];
    private readonly HashSet<DateTimeOffset> _givenUp = [];

    public int StoredPolls => _polled.Count;

    public bool EndOfDayDone { get; private set; } = endOfDayDone;

    public bool EndOfDayGivenUp { get; private set; }

    /// <summary>True when end of day needs no more attempts in this process.</summary>
    public bool EndOfDaySettled => EndOfDayDone || EndOfDayGivenUp;

    /// <summary>True when the slot was polled (now or before a restart) or given up.</summary>
    public bool IsSettled(DateTimeOffset slot) => _polled.Contains(slot) || _givenUp.Contains(slot);

    public bool WasPolled(DateTimeOffset slot) => _polled.Contains(slot);

    public void Polled(DateTimeOffset slot) => _polled.Add(slot);

    public void GaveUp(DateTimeOffset slot) => _givenUp.Add(slot);

    public void EndOfDayRan() => EndOfDayDone = true;

    public void EndOfDayFailed() => EndOfDayGivenUp = true;
}
