using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// One session of the daily path: where SPX opens and closes, the instantaneous variance at both ends, and
/// the jump (if any) the intraday path must contain. The intraday generator fills in the seconds between.
/// </summary>
public sealed record SessionOutline(
    MarketSession Session,
    double Open,
    double Close,
    double OpenVariance,
    double CloseVariance,
    double Jump,
    double PreviousClose);
