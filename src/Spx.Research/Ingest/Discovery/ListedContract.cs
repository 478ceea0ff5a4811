namespace Spx.Research.Ingest.Discovery;

/// <summary>One contract of a session's listing, as discovery needs it.</summary>
/// <param name="Ticker">OCC ticker, e.g. <c>O:SPY250303C00580000</c>.</param>
/// <param name="Right">'C' or 'P', the OCC ticker letter.</param>
public sealed record ListedContract(string Ticker, DateOnly Expiry, char Right, double Strike);
