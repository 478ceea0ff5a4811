using Spx.Research.Market;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// One watched contract as the API gave it at a poll: the cumulative day volume (0 when the API sent none)
/// and open interest, quotes, IV and Greeks exactly as sent (null when absent: a missing Greek is not zero).
/// </summary>
public sealed record PolledContract(
    OptionTicker Ticker,
    long DayVolume,
    long? OpenInterest,
    double? Bid,
    double? Ask,
    double? LastPrice,
    double? DayVwap,
    double? ImpliedVolatility,
    double? Delta,
    double? Gamma,
    double? Theta,
    double? Vega);
