using MathNet.Numerics.Distributions;

namespace Spx.Research.Synthetic;

/// <summary>
/// SPY from the SPX path: SPX × ratio plus a mean-reverting tracking error, traded every second with
/// volume that follows the intraday U-shape and rises with the size of the move.
/// </summary>
internal sealed class SpyTape
{
    public const string Ticker = "SPY";

    /// <summary>Average SPY shares traded in a regular session.</summary>
    private const double DailyVolume = 60_000_000;

    private SpyTape(double[] price, StockBar[] seconds)
    {
        Price = price;
        SecondBars = seconds;
    }

    /// <summary>SPY's fair price at each point of the index path (unrounded).</summary>
    public double[] Price { get; }

    /// <summary>One bar per second of the session.</summary>
    public StockBar[] SecondBars { get; }

    public static SpyTape Generate(IndexPath path, MarketModel model, long seed)
    {
        var random = RandomStreams.Create(seed, "spy-tape", path.Session.Date);
        var n = path.Seconds;
        var price = new double[n + 1];
        var tracking = 0.0;
        const double persistence = 0.967; // about a 30-second half-life
        var trackingShock = 0.006 * Math.Sqrt(1 - persistence * persistence);
        for (var k = 0; k <= n; k++)
        {
            tracking = persistence * tracking + trackingShock * Normal.Sample(random, 0, 1);
            price[k] = path.Spx[k] * model.SpyRatio + tracking;
        }

        var bars = new StockBar[n];
        var perSecond = DailyVolume / 23_400;
        for (var k = 0; k < n; k++)
        {
            var open = PriceRounding.Cents(price[k]);
            var close = PriceRounding.Cents(price[k + 1]);
            var high = PriceRounding.Cents(Math.Max(open, close) + Math.Abs(Normal.Sample(random, 0, 0.004)));
            var low = PriceRounding.Cents(Math.Min(open, close) - Math.Abs(Normal.Sample(random, 0, 0.004)));
            var moveBoost = 1 + 60 * Math.Abs(close - open) / open * 100;
            var volume = Math.Round(perSecond * IntradayShape.Volume.At((k + 0.5) / n) * moveBoost * LogNormal.Sample(random, -0.32, 0.8));
            volume = Math.Max(volume, 100);
            var trades = Math.Max(1, (long)Math.Round(volume / (90 * LogNormal.Sample(random, 0, 0.3))));
            var vwap = Math.Round(Math.Clamp((open + close) / 2 + Normal.Sample(random, 0, 0.002), low, high), 4);
            bars[k] = new StockBar(Ticker, path.InstantAt(k), open, high, low, close, volume, vwap, trades);
        }

        return new SpyTape(price, bars);
    }

    /// <summary>Minute bars aggregated from the second bars, as Polygon's 1-minute aggregates relate to its 1-second ones.</summary>
    public IEnumerable<StockBar> MinuteBars()
    {
        for (var m = 0; m < SecondBars.Length / 60; m++)
        {
            var first = SecondBars[m * 60];
            double high = double.MinValue, low = double.MaxValue, volume = 0, notional = 0;
            long trades = 0;
            for (var k = m * 60; k < m * 60 + 60; k++)
            {
                var bar = SecondBars[k];
                high = Math.Max(high, bar.High);
                low = Math.Min(low, bar.Low);
                volume += bar.Volume;
                notional += bar.Vwap * bar.Volume;
                trades += bar.Trades;
            }

            yield return new StockBar(Ticker, first.Start, first.Open, high, low, SecondBars[m * 60 + 59].Close, volume, Math.Round(notional / volume, 4), trades);
        }
    }
}
