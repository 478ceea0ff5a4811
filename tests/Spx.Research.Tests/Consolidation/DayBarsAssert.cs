using Spx.Research.Consolidation;

namespace Spx.Research.Tests.Consolidation;

/// <summary>Equality of two <see cref="DayBars"/>: every ticker's terms and every array's rows (arrays may be longer), value for value.</summary>
internal static class DayBarsAssert
{
    public static void Same(DayBars expected, DayBars actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Tickers, actual.Tickers);
        Assert.Equal(expected.Ts[..expected.Count], actual.Ts[..actual.Count]);
        Assert.Equal(expected.Open[..expected.Count], actual.Open[..actual.Count]);
        Assert.Equal(expected.High[..expected.Count], actual.High[..actual.Count]);
        Assert.Equal(expected.Low[..expected.Count], actual.Low[..actual.Count]);
        Assert.Equal(expected.Close[..expected.Count], actual.Close[..actual.Count]);
        Assert.Equal(expected.Volume[..expected.Count], actual.Volume[..actual.Count]);
        Assert.Equal(expected.Vwap[..expected.Count], actual.Vwap[..actual.Count]);
        Assert.Equal(expected.VwapNull[..expected.Count], actual.VwapNull[..actual.Count]);
        Assert.Equal(expected.Trades[..expected.Count], actual.Trades[..actual.Count]);
        Assert.Equal(expected.TradesNull[..expected.Count], actual.TradesNull[..actual.Count]);
    }

    /// <summary>Guards a comparison against proving nothing: a sample day's bars are many tickers and thousands of rows.</summary>
    public static void Substantial(DayBars bars)
    {
        Assert.True(bars.Count > 10_000, $"only {bars.Count} bars");
        Assert.True(bars.Tickers.Count > 50, $"only {bars.Tickers.Count} tickers");
    }
}
