using Spx.Research.Consolidation;

namespace Spx.Research.Tests.Consolidation;

/// <summary>Equality of two <see cref="DayBars"/>: every ticker's terms and every array, value for value.</summary>
internal static class DayBarsAssert
{
    public static void Same(DayBars expected, DayBars actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Tickers, actual.Tickers);
        Assert.Equal(expected.Ts, actual.Ts);
        Assert.Equal(expected.Open, actual.Open);
        Assert.Equal(expected.High, actual.High);
        Assert.Equal(expected.Low, actual.Low);
        Assert.Equal(expected.Close, actual.Close);
        Assert.Equal(expected.Volume, actual.Volume);
        Assert.Equal(expected.Vwap, actual.Vwap);
        Assert.Equal(expected.VwapNull, actual.VwapNull);
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.TradesNull, actual.TradesNull);
    }

    /// <summary>Guards a comparison against proving nothing: a sample day's bars are many tickers and thousands of rows.</summary>
    public static void Substantial(DayBars bars)
    {
        Assert.True(bars.Count > 10_000, $"only {bars.Count} bars");
        Assert.True(bars.Tickers.Count > 50, $"only {bars.Tickers.Count} tickers");
    }
}
