namespace Spx.Research.Monitor.Polling;

/// <summary>A contract's latest earlier poll in the same session: what its volume delta is measured from.</summary>
public sealed record PreviousPoll(DateTimeOffset PollTs, long DayVolume);
