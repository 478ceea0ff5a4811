namespace Spx.Research.Monitor.Detection;

/// <summary>
/// One contract of the poll being evaluated, with the comparison volume the fallback chain found for it:
/// everything a rule looks at, so a rule is a pure function of this record and the settings.
/// </summary>
/// <param name="PollTs">The poll instant (UTC).</param>
/// <param name="Session">The NYSE session of the poll.</param>
/// <param name="Ticker">Polygon option ticker, e.g. <c>O:SPXW250417P05200000</c>.</param>
/// <param name="Expiry">Expiration date.</param>
/// <param name="Strike">Strike price.</param>
/// <param name="Spot">SPX at the poll.</param>
/// <param name="DayVolume">Cumulative volume of the session so far.</param>
/// <param name="VolumeDelta">Volume since this contract's previous poll in the session.</param>
/// <param name="LastPrice">Last trade price, if any.</param>
/// <param name="Bid">Bid, if quoted.</param>
/// <param name="Ask">Ask, if quoted.</param>
/// <param name="DayVwap">The session's volume-weighted average price, if any.</param>
/// <param name="ComparisonVolume">The comparison volume; null when <paramref name="Source"/> is <see cref="ComparisonSource.None"/>.</param>
/// <param name="Source">Which fallback gave <paramref name="ComparisonVolume"/>.</param>
/// <param name="ComparisonTs">The poll instant the comparison volume was read at (the daily row's last poll for an end-of-day source).</param>
public sealed record PolledContract(
    DateTimeOffset PollTs,
    DateOnly Session,
    string Ticker,
    DateOnly Expiry,
    double Strike,
    double Spot,
    long DayVolume,
    long VolumeDelta,
    double? LastPrice,
    double? Bid,
    double? Ask,
    double? DayVwap,
    long? ComparisonVolume,
    ComparisonSource Source,
    DateTimeOffset? ComparisonTs);
