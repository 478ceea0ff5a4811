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
    public static ColumnBatch Build(DayBars bars, DayContext context, double rate, double yield)
    {
        var n = bars.Count;
        var ticker = new string?[n];
        var underlying = new string?[n];
        var expiry = new DateOnly[n];
        var optionRight = new string?[n];
        var strike = new double[n];
        var right = new OptionRight[n];
        var years = new double[n];
        var american = new bool[n];
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

        var spot = new double[n];
        var spotNull = new bool[n];
        var vix = new double[n];
        var vixNull = new bool[n];
        var newsId = new string?[n];
        var newsSentiment = new string?[n];
        var moneyness = new double[n];
        var contextRow = context.RowOfEachBar(bars);
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

        var priced = Price(right, spot, strike, years, bars.Close, rate, yield);
        var status = new string?[n];
        var earlyExercise = new bool[n];
        for (var i = 0; i < n; i++)
        {
            status[i] = spotNull[i] ? NoSpot : StatusNames[(int)priced.Status[i]];
            earlyExercise[i] = american[i] && !spotNull[i] && EarlyExercise.Matters(right[i], bars.Close[i], spot[i], strike[i]);
        }

        var columns = new List<BatchColumn>
        {
            BatchColumn.Text("ticker", ticker),
            BatchColumn.Text("underlying", underlying),
            BatchColumn.Dates("expiry", expiry),
            BatchColumn.Text("option_right", optionRight),
            BatchColumn.Doubles("strike", strike),
            BatchColumn.Instants("ts", bars.Ts),
            BatchColumn.Doubles("open", bars.Open),
            BatchColumn.Doubles("high", bars.High),
            BatchColumn.Doubles("low", bars.Low),
            BatchColumn.Doubles("close", bars.Close),
            BatchColumn.Longs("volume", bars.Volume),
            BatchColumn.Doubles("vwap", bars.Vwap, bars.VwapNull),
            BatchColumn.Longs("trades", bars.Trades, bars.TradesNull),
            BatchColumn.Doubles("spot", spot, spotNull),
            BatchColumn.Doubles("vix", vix, vixNull),
            BatchColumn.Text("news_id", newsId),
            BatchColumn.Text("news_sentiment", newsSentiment),
            BatchColumn.Doubles("moneyness", moneyness, spotNull),
            BatchColumn.Doubles("t_years", years),
            BatchColumn.Doubles("iv", priced.Iv),
            BatchColumn.Text("iv_status", status),
            BatchColumn.Doubles("delta", priced.Delta),
            BatchColumn.Doubles("gamma", priced.Gamma),
            BatchColumn.Doubles("theta_per_day", priced.Theta),
            BatchColumn.Doubles("vega_per_point", priced.Vega),
            BatchColumn.Doubles("rho_per_point", priced.Rho),
            BatchColumn.Booleans("early_exercise", earlyExercise),
        };
        columns.AddRange(Indicators(bars));
        return new ColumnBatch(columns);
    }

    /// <summary>The stored <c>iv_status</c> of a bar without an underlying price before its minute's end.</summary>
    public const string NoSpot = "no_spot";

    private static readonly string[] StatusNames = Enum.GetValues<ImpliedVolatilityStatus>()
        .OrderBy(s => (int)s).Select(ConsolidationQueries.StatusName).ToArray();

    private static Priced Price(OptionRight[] right, double[] spot, double[] strike, double[] years, double[] close, double rate, double yield)
    {
        var n = right.Length;
        var rates = new double[n];
        var yields = new double[n];
        Array.Fill(rates, rate);
        Array.Fill(yields, yield);
        var priced = new Priced(n);
        // The model price is not kept: the bar's close is the price.
        var price = new double[n];
        PricingBatch.ImpliedGreeks(
            new OptionColumns(right, spot, strike, years, rates, yields), close, priced.Iv, priced.Status,
            new GreekColumns(price, priced.Delta, priced.Gamma, priced.Theta, priced.Vega, priced.Rho));
        return priced;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<BatchColumn> Indicators(DayBars bars)
    {
        var n = bars.Count;
        var returns = new[] { 1, 5, 15 }.Select(m => (Minutes: m, Values: new double[n], Nulls: new bool[n])).ToArray();
        var volume5 = new long[n];
        var volume15 = new long[n];
        foreach (var terms in bars.Tickers)
        {
            foreach (var r in returns) MinuteIndicators.Returns(r.Minutes, bars.Ts, bars.Close, terms.First, terms.Bars, r.Values, r.Nulls);
            MinuteIndicators.RollingVolume(5, bars.Ts, bars.Volume, terms.First, terms.Bars, volume5);
            MinuteIndicators.RollingVolume(15, bars.Ts, bars.Volume, terms.First, terms.Bars, volume15);
        }
        var columns = returns.Select(r => BatchColumn.Doubles($"ret_{r.Minutes}m", r.Values, r.Nulls)).ToList();
        columns.Add(BatchColumn.Longs("volume_5m", volume5));
        columns.Add(BatchColumn.Longs("volume_15m", volume15));
        return columns;
    }

    private sealed class Priced(int n)
    {
        public double[] Iv { get; } = new double[n];
        public ImpliedVolatilityStatus[] Status { get; } = new ImpliedVolatilityStatus[n];
        public double[] Delta { get; } = new double[n];
        public double[] Gamma { get; } = new double[n];
        public double[] Theta { get; } = new double[n];
        public double[] Vega { get; } = new double[n];
        public double[] Rho { get; } = new double[n];
    }
}
