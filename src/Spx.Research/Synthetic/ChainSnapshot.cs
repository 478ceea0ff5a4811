namespace Spx.Research.Synthetic;

/// <summary>
/// One contract in a 15-minute chain poll, in the units Polygon's snapshot uses: cumulative day volume,
/// the volume since the previous poll, open interest as of the previous session, implied volatility,
/// delta, gamma, theta per calendar day and vega per volatility point; quote and last trade.
/// </summary>
public readonly record struct ChainSnapshot(
    DateTimeOffset SnapshotTs,
    ListedOption Contract,
    long DayVolume,
    long VolumeDelta,
    long OpenInterest,
    double? ImpliedVol,
    double? Delta,
    double? Gamma,
    double? ThetaPerDay,
    double? VegaPerPoint,
    double UnderlyingPrice,
    double Bid,
    double Ask,
    double BidSize,
    double AskSize,
    double? LastPrice,
    double? DayVwap,
    double? DayClose);
