namespace Spx.Research.Monitor.Polling;

/// <summary>One <c>monitor_polls</c> row: a contract at a poll, with its volume change since the previous poll of the session.</summary>
public sealed record PollRow(DateTimeOffset PollTs, DateOnly Session, double Spot, PolledContract Contract, long VolumeDelta);
