namespace Spx.Research.Monitor.Polling;

/// <summary>
/// A contract whose cumulative day volume went down since its previous poll of the session — the feed
/// corrected itself. Its delta is stored as 0 (a negative delta would read as selling), and the poll says so.
/// </summary>
public sealed record VolumeCorrection(string Ticker, DateTimeOffset PreviousPoll, long PreviousVolume, long DayVolume);
