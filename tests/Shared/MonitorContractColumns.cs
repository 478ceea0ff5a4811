using Spx.Research.Lake;

namespace Spx.Research.Testing;

/// <summary>
/// The contract columns of a <c>monitor_polls</c> or <c>monitor_daily</c> row, appended in the declared order
/// (ticker through the greeks), so the monitor's and the dashboard's test lakes write one column order.
/// </summary>
internal static class MonitorContractColumns
{
    public static LakeAppenderRow Append(LakeAppenderRow begun, string ticker, DateOnly expiry, double strike, double spot, long dayVolume,
        double? lastPrice, double? bid = null, double? ask = null, double? dayVwap = null) => begun
        .AppendValue(ticker)
        .AppendValue("I:SPX")
        .AppendValue(ticker.StartsWith("O:SPXW", StringComparison.Ordinal) ? "SPXW" : "SPX")
        .AppendValue(expiry)
        .AppendValue("P")
        .AppendValue(strike)
        .AppendValue(spot)
        .AppendValue(dayVolume)
        .AppendValue((long?)1000)
        .AppendValue(bid)
        .AppendValue(ask)
        .AppendValue(lastPrice)
        .AppendValue(dayVwap)
        .AppendValue((double?)0.2)
        .AppendValue((double?)-0.1)
        .AppendValue((double?)null)
        .AppendValue((double?)null)
        .AppendValue((double?)null);
}
