namespace Spx.Research.Synthetic;

/// <summary>Minute bars of SPX and VIX from the per-second path (VIX from the variance, as the CBOE formula sees it).</summary>
internal static class IndexTape
{
    public const string Spx = "I:SPX";
    public const string Vix = "I:VIX";

    public static IEnumerable<IndexBar> MinuteBars(IndexPath path, MarketModel model, long seed)
    {
        var random = RandomStreams.Create(seed, "vix-noise", path.Session.Date);
        var minutes = path.Seconds / 60;
        // VIX is computed from option quotes every 15 s; its noise is quote noise, not a second price process.
        var vix = new double[path.Seconds + 1];
        var noise = 0.0;
        for (var k = 0; k <= path.Seconds; k++)
        {
            noise = 0.97 * noise + 0.02 * (random.NextDouble() - 0.5);
            vix[k] = model.Vix(path.Variance[k]) + noise;
        }

        for (var m = 0; m < minutes; m++)
        {
            var start = path.InstantAt(m * 60);
            yield return Bar(Spx, start, path.Spx, m * 60, m * 60 + 60);
            yield return Bar(Vix, start, vix, m * 60, m * 60 + 60);
        }
    }

    private static IndexBar Bar(string ticker, DateTimeOffset start, double[] values, int from, int to)
    {
        double high = double.MinValue, low = double.MaxValue;
        for (var k = from; k <= to; k++)
        {
            high = Math.Max(high, values[k]);
            low = Math.Min(low, values[k]);
        }

        return new IndexBar(ticker, start, PriceRounding.Cents(values[from]), PriceRounding.Cents(high), PriceRounding.Cents(low), PriceRounding.Cents(values[to]));
    }
}
