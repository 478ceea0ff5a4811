using Spx.Research.Market;

namespace Spx.Research.Consolidation;

/// <summary>
/// One date's option bars of the underlying, as arrays in <c>(ticker, ts)</c> order: each ticker's terms once
/// (<see cref="Tickers"/>, whose <see cref="TickerTerms.First"/> says where its rows start) and the bars' numbers.
/// Read by <see cref="DayBarsReader"/>; the arrays come from the worker's <see cref="DayArrays"/> and may be longer than <see cref="Count"/>.
/// </summary>
internal sealed class DayBars(int count, IReadOnlyList<TickerTerms> tickers, DayArrays arrays)
{
    public IReadOnlyList<TickerTerms> Tickers { get; } = tickers;

    public int Count { get; } = count;

    /// <summary>Bar starts, microseconds since the Unix epoch.</summary>
    public long[] Ts { get; } = arrays.Take<long>(count);

    public double[] Open { get; } = arrays.Take<double>(count);

    public double[] High { get; } = arrays.Take<double>(count);

    public double[] Low { get; } = arrays.Take<double>(count);

    public double[] Close { get; } = arrays.Take<double>(count);

    public long[] Volume { get; } = arrays.Take<long>(count);

    public double[] Vwap { get; } = arrays.Take<double>(count);

    public bool[] VwapNull { get; } = arrays.Take<bool>(count);

    public long[] Trades { get; } = arrays.Take<long>(count);

    public bool[] TradesNull { get; } = arrays.Take<bool>(count);
}

/// <summary>One ticker of a day: its stored terms, its parsed right and settlement instant, and where its rows are.</summary>
/// <param name="American">Whether it can be exercised early (SPY), so a European price may understate it.</param>
/// <param name="SettlementUs">Settlement instant, microseconds since the Unix epoch (docs/pricing.md, "Time to settlement").</param>
/// <param name="First">Index of its first row in the day's arrays.</param>
/// <param name="Bars">Number of its rows.</param>
internal sealed record TickerTerms(
    string Ticker, string Underlying, DateOnly Expiry, string OptionRight, double Strike, OptionRight Right, bool American, long SettlementUs, int First, int Bars);
