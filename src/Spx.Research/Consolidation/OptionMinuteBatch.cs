using System.Runtime.CompilerServices;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Consolidation;

/// <summary>
/// Builds one date's <c>option_minutes</c> rows as columns (docs/consolidation.md): the bars, their context, moneyness
/// and time to settlement, the implied volatility and greeks of each close through the batch kernel, the
/// early-exercise flag, and the indicators. Strings are shared references (a ticker's terms, the context's news, the
/// status names), so building a row allocates nothing per value.
/// </summary>
internal static class OptionMinuteBatch
{
    private const double MicrosPerMinute = 60_000_000;

    /// <summary>The date's rows in <c>(ticker, ts)</c> order, in the dataset's columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ColumnBatch Build(DayBars bars, DayContext context, double rate, double yield, DayArrays arrays)
    {
        var n = bars.Count;
        var ticker = arrays.Take<string?>(n);
        var underlying = arrays.Take<string?>(n);
        var expiry = arrays.Take<DateOnly>(n);
        var optionRight = arrays.Take<string?>(n);
        var strike = arrays.Take<double>(n);
        var right = arrays.Take<OptionRight>(n);
        var years = arrays.Take<double>(n);
        var american = arrays.Take<bool>(n);
        foreach (var terms in bars.Tickers)
        {
            var rows = new Range(terms.First, terms.First + terms.Bars);
            ticker.AsSpan(rows).Fill(terms.Ticker);
            underlying.AsSpan(rows).Fill(terms.Underlying);
            expiry.AsSpan(rows).Fill(terms.Expiry);
            optionRight.AsSpan(rows).Fill(terms.OptionRight);
            strike.AsSpan(rows).Fill(terms.Strike);
            right.AsSpan(rows).Fill(terms.Right);
            american.AsSpan(rows).Fill(terms.American);
            for (var i = terms.First; i < terms.First + terms.Bars; i++)
            {
                // From the minute's end (bar start + 60 s) to settlement, never negative (docs/pricing.md).
                var minutes = Math.Max(terms.SettlementUs - bars.Ts[i] - 60_000_000L, 0) / MicrosPerMinute;
                years[i] = minutes / YearFraction.MinutesPerYear;
            }
        }

        var spot = arrays.Take<double>(n);
        var spotNull = arrays.Take<bool>(n);
        var vix = arrays.Take<double>(n);
        var vixNull = arrays.Take<bool>(n);
        var newsId = arrays.Take<string?>(n);
        var newsSentiment = arrays.Take<string?>(n);
        var moneyness = arrays.Take<double>(n);
        var contextRow = context.RowOfEachBar(bars, arrays);
        for (var i = 0; i < n; i++)
        {
            var c = contextRow[i];
            spotNull[i] = context.SpotNull[c];
            spot[i] = spotNull[i] ? double.NaN : context.Spot[c];
            moneyness[i] = strike[i] / spot[i];
            vix[i] = context.Vix[c];
            vixNull[i] = context.VixNull[c];
            newsId[i] = context.NewsId[c];
            newsSentiment[i] = context.NewsSentiment[c];
        }

        var priced = Price(n, right, spot, strike, years, bars.Close, rate, yield, arrays);
        var status = arrays.Take<string?>(n);
        var earlyExercise = arrays.Take<bool>(n);
        for (var i = 0; i < n; i++)
        {
            status[i] = spotNull[i] ? NoSpot : StatusNames[(int)priced.Status[i]];
            earlyExercise[i] = american[i] && !spotNull[i] && EarlyExercise.Matters(right[i], bars.Close[i], spot[i], strike[i]);
        }

        var columns = new List<BatchColumn>
        {
            BatchColumn.Text("ticker", ticker, rows: n),
            BatchColumn.Text("underlying", underlying, rows: n),
            BatchColumn.Dates("expiry", expiry, rows: n),
            BatchColumn.Text("option_right", optionRight, rows: n),
            BatchColumn.Doubles("strike", strike, rows: n),
            BatchColumn.Instants("ts", bars.Ts, rows: n),
            BatchColumn.Doubles("open", bars.Open, rows: n),
            BatchColumn.Doubles("high", bars.High, rows: n),
            BatchColumn.Doubles("low", bars.Low, rows: n),
            BatchColumn.Doubles("close", bars.Close, rows: n),
            BatchColumn.Longs("volume", bars.Volume, rows: n),
            BatchColumn.Doubles("vwap", bars.Vwap, bars.VwapNull, rows: n),
            BatchColumn.Longs("trades", bars.Trades, bars.TradesNull, rows: n),
            BatchColumn.Doubles("spot", spot, spotNull, rows: n),
            BatchColumn.Doubles("vix", vix, vixNull, rows: n),
            BatchColumn.Text("news_id", newsId, rows: n),
            BatchColumn.Text("news_sentiment", newsSentiment, rows: n),
            BatchColumn.Doubles("moneyness", moneyness, spotNull, rows: n),
            BatchColumn.Doubles("t_years", years, rows: n),
            BatchColumn.Doubles("iv", priced.Iv, rows: n),
            BatchColumn.Text("iv_status", status, rows: n),
            BatchColumn.Doubles("delta", priced.Delta, rows: n),
            BatchColumn.Doubles("gamma", priced.Gamma, rows: n),
            BatchColumn.Doubles("theta_per_day", priced.Theta, rows: n),
            BatchColumn.Doubles("vega_per_point", priced.Vega, rows: n),
            BatchColumn.Doubles("rho_per_point", priced.Rho, rows: n),
            BatchColumn.Booleans("early_exercise", earlyExercise, rows: n),
        };
        columns.AddRange(Indicators(bars, arrays));
        return new ColumnBatch(columns);
    }

    /// <summary>The stored <c>iv_status</c> of a bar without an underlying price before its minute's end.</summary>
    public const string NoSpot = "no_spot";

    private static readonly string[] StatusNames = Enum.GetValues<ImpliedVolatilityStatus>()
        .OrderBy(s => (int)s).Select(ConsolidationQueries.StatusName).ToArray();

    private static Priced Price(int n, OptionRight[] right, double[] spot, double[] strike, double[] years, double[] close, double rate, double yield, DayArrays arrays)
    {
        var rates = arrays.Take<double>(n).AsSpan(0, n);
        var yields = arrays.Take<double>(n).AsSpan(0, n);
        rates.Fill(rate);
        yields.Fill(yield);
        var priced = new Priced(n, arrays);
        // The model price is not kept: the bar's close is the price.
        var price = arrays.Take<double>(n).AsSpan(0, n);
        PricingBatch.ImpliedGreeks(
            new OptionColumns(right.AsSpan(0, n), spot.AsSpan(0, n), strike.AsSpan(0, n), years.AsSpan(0, n), rates, yields), close.AsSpan(0, n),
            priced.Iv.AsSpan(0, n), priced.Status.AsSpan(0, n),
            new GreekColumns(price, priced.Delta.AsSpan(0, n), priced.Gamma.AsSpan(0, n), priced.Theta.AsSpan(0, n), priced.Vega.AsSpan(0, n), priced.Rho.AsSpan(0, n)));
        return priced;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<BatchColumn> Indicators(DayBars bars, DayArrays arrays)
    {
        var n = bars.Count;
        var returns = new[] { 1, 5, 15 }.Select(m => (Minutes: m, Values: arrays.Take<double>(n), Nulls: arrays.Take<bool>(n))).ToArray();
        var volume5 = arrays.Take<long>(n);
        var volume15 = arrays.Take<long>(n);
        foreach (var terms in bars.Tickers)
        {
            foreach (var r in returns) MinuteIndicators.Returns(r.Minutes, bars.Ts, bars.Close, terms.First, terms.Bars, r.Values, r.Nulls);
            MinuteIndicators.RollingVolume(5, bars.Ts, bars.Volume, terms.First, terms.Bars, volume5);
            MinuteIndicators.RollingVolume(15, bars.Ts, bars.Volume, terms.First, terms.Bars, volume15);
        }
        var columns = returns.Select(r => BatchColumn.Doubles($"ret_{r.Minutes}m", r.Values, r.Nulls, n)).ToList();
        columns.Add(BatchColumn.Longs("volume_5m", volume5, rows: n));
        columns.Add(BatchColumn.Longs("volume_15m", volume15, rows: n));
        return columns;
    }

    private sealed class Priced(int n, DayArrays arrays)
    {
        public double[] Iv { get; } = arrays.Take<double>(n);
        public ImpliedVolatilityStatus[] Status { get; } = arrays.Take<ImpliedVolatilityStatus>(n);
        public double[] Delta { get; } = arrays.Take<double>(n);
        public double[] Gamma { get; } = arrays.Take<double>(n);
        public double[] Theta { get; } = arrays.Take<double>(n);
        public double[] Vega { get; } = arrays.Take<double>(n);
        public double[] Rho { get; } = arrays.Take<double>(n);
    }
}
