namespace Spx.Research.Ingest.Discovery;

/// <summary>
/// The strike spacing of one expiry, read from what is listed rather than assumed: SPY lists $1 strikes and
/// $0.50 ones near the money on some expiries, SPX 5 points. Band edges are rounded outward onto it.
/// </summary>
public sealed record StrikeGrid(double Step)
{
    /// <summary>Strikes closer than this are the same strike (listed strikes are decimal, doubles are not).</summary>
    private const double Tolerance = 1e-6;

    /// <summary>
    /// The finest spacing between adjacent listed strikes inside [<paramref name="low"/>, <paramref name="high"/>];
    /// the finest anywhere in the listing when the band holds fewer than two strikes.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two distinct strikes are listed: no spacing to read.</exception>
    public static StrikeGrid Read(IEnumerable<double> strikes, double low, double high)
    {
        var all = strikes.Distinct().Order().ToList();
        var near = all.Where(s => s >= low - Tolerance && s <= high + Tolerance).ToList();
        var step = FinestStep(near.Count >= 2 ? near : all);
        if (step is null)
            throw new ArgumentException($"cannot read the strike grid: {all.Count} distinct strike(s) listed, expected at least 2", nameof(strikes));
        return new StrikeGrid(step.Value);
    }

    /// <summary>The grid strike at or above <paramref name="price"/>.</summary>
    public double Ceiling(double price) => Math.Round(Math.Ceiling(price / Step - Tolerance) * Step, 6);

    /// <summary>The grid strike at or below <paramref name="price"/>.</summary>
    public double Floor(double price) => Math.Round(Math.Floor(price / Step + Tolerance) * Step, 6);

    private static double? FinestStep(IReadOnlyList<double> sorted)
    {
        double? finest = null;
        for (var i = 1; i < sorted.Count; i++)
        {
            var gap = Math.Round(sorted[i] - sorted[i - 1], 6);
            if (gap > Tolerance && (finest is null || gap < finest)) finest = gap;
        }
        return finest;
    }
}
