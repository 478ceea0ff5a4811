using Spx.Research.Market;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// The reference rows of docs/pricing.md ("Reference values"): generalised BSM to 10 significant digits, reproducing
/// Hull's Greeks example (H1/H2, via py_vollib's docstrings), Hull's call/put (H3/H4) and Haug's tables as tabulated
/// in QuantLib's test-suite/europeanoption.cpp (G1–G9). Tolerance: 1e-9 relative (the table's 10 significant digits
/// round by at most 5e-10 relative), absolute 1e-12 for values near zero. Theta per year, vega and rho per 1.0.
/// </summary>
public static class ReferenceRows
{
    /// <summary>The rows: id, call or put, S, K, T, r, q, σ, then price, delta, gamma, theta/yr, vega, rho.</summary>
    public static IReadOnlyList<Row> All { get; } =
    [
        new("H1", "c", 49, 50, 0.3846, 0.05, 0, 0.2, 2.400461087, 0.5216016340, 0.06554537725, -4.305389965, 12.10524275, 8.906574099),
        new("H2", "p", 49, 50, 0.3846, 0.05, 0, 0.2, 2.448146934, -0.4783983660, 0.06554537725, -1.853005672, 12.10524275, -9.957165878),
        new("H3", "c", 42, 40, 0.5, 0.10, 0, 0.2, 4.759422393, 0.7791312909, 0.04996267041, -4.559092195, 8.813415060, 13.98204591),
        new("H4", "p", 42, 40, 0.5, 0.10, 0, 0.2, 0.8085993729, -0.2208687091, 0.04996267041, -0.7541744966, 8.813415060, -5.042542577),
        new("G1", "c", 60, 65, 0.25, 0.08, 0, 0.30, 2.133368445, 0.3724827980, 0.04204275575, -8.428174387, 11.35154405, 5.053899858),
        new("G2", "p", 100, 95, 0.5, 0.10, 0.05, 0.20, 2.464787647, -0.2641815996, 0.02283957430, -3.000528096, 22.83957430, -14.44147381),
        new("G3", "p", 75, 70, 0.5, 0.10, 0.05, 0.35, 4.086953829, -0.2997079176, 0.01846638383, -4.829646229, 18.17784658, -13.28252382),
        new("G4", "c", 105, 100, 0.5, 0.10, 0.10, 0.36, 12.43284451, 0.5946286597, 0.01349363711, -8.396839774, 26.77812285, 25.00158238),
        new("G5", "p", 105, 100, 0.5, 0.10, 0.10, 0.36, 7.676697386, -0.3566007648, 0.01349363711, -8.872454486, 26.77812285, -22.55988884),
        new("G6", "c", 55, 60, 0.75, 0.10, 0, 0.30, 5.392778824, 0.5333413897, 0.02782116048, -6.181255231, 18.93577735, 17.95574821),
        new("G7", "p", 430, 405, 1.0 / 12, 0.07, 0.05, 0.20, 1.757059929, -0.1361457768, 0.008784802104, -31.19235030, 27.07183182, -5.024978662),
        new("G8", "c", 72, 75, 1.0, 0.09, 0, 0.19, 7.222751948, 0.6382674579, 0.02739288834, -6.049110885, 26.98089930, 38.73250502),
        new("G9", "p", 500, 490, 0.25, 0.08, 0.05, 0.15, 8.805649158, -0.3378029070, 0.009671703389, -21.43017025, 90.67221928, -44.42677566),
    ];

    /// <summary>The rows as theory data: id, cp, S, K, T, r, q, σ, price, delta, gamma, theta/yr, vega, rho.</summary>
    public static IEnumerable<object[]> Table =>
        All.Select(r => new object[] { r.Id, r.Right == OptionRight.Call ? "c" : "p", r.S, r.K, r.T, r.Rate, r.Yield, r.Sigma, r.Price, r.Delta, r.Gamma, r.Theta, r.Vega, r.Rho });

    /// <summary>|expected − actual| ≤ 1e-9·|expected|, or 1e-12 near zero.</summary>
    public static void AssertClose(string id, string what, double expected, double actual)
    {
        var tolerance = Math.Max(1e-9 * Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{id} {what}: expected {expected:R}, got {actual:R}");
    }

    /// <summary>One reference row.</summary>
    public sealed record Row(string Id, OptionRight Right, double S, double K, double T, double Rate, double Yield, double Sigma,
        double Price, double Delta, double Gamma, double Theta, double Vega, double Rho)
    {
        public Row(string id, string cp, double s, double k, double t, double rate, double yield, double sigma,
            double price, double delta, double gamma, double theta, double vega, double rho)
            : this(id, cp == "c" ? OptionRight.Call : OptionRight.Put, s, k, t, rate, yield, sigma, price, delta, gamma, theta, vega, rho)
        {
        }
    }
}
