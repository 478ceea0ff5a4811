namespace Spx.Research.Monitor.Detection;

/// <summary>
/// One rule firing on one contract: a row of the <c>alerts</c> dataset (<see cref="MonitorDatasets.Alerts"/>).
/// Its identity is (<paramref name="Session"/>, <paramref name="Ticker"/>, <paramref name="Rule"/>): raised once per session.
/// </summary>
/// <param name="PollTs">The poll instant it was found at (UTC).</param>
/// <param name="Session">NYSE session of the poll.</param>
/// <param name="Rule">The rule's name (<see cref="IHedgingRule.Name"/>).</param>
/// <param name="Ticker">The contract.</param>
/// <param name="Expiry">Its expiration.</param>
/// <param name="Strike">Its strike.</param>
/// <param name="Spot">SPX at the poll.</param>
/// <param name="DayVolume">Day volume at the poll.</param>
/// <param name="VolumeDelta">Volume since the previous poll.</param>
/// <param name="ComparisonVolume">The comparison volume, null for <see cref="ComparisonSource.None"/>.</param>
/// <param name="Source">Where the comparison volume came from.</param>
/// <param name="Premium">Premium traded today in dollars, null when no price was usable.</param>
/// <param name="Message">One line saying what fired and on what numbers.</param>
public sealed record HedgingAlert(
    DateTimeOffset PollTs,
    DateOnly Session,
    string Rule,
    string Ticker,
    DateOnly Expiry,
    double Strike,
    double Spot,
    long DayVolume,
    long VolumeDelta,
    long? ComparisonVolume,
    ComparisonSource Source,
    double? Premium,
    string Message);
