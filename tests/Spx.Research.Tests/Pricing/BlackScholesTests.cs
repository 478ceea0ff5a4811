using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// Reference values from docs/pricing.md: generalised BSM to 10 significant digits, reproducing
/// Hull's Greeks example (H1/H2, via py_vollib's docstrings), Hull's call/put (H3/H4) and Haug's
/// tables as tabulated in QuantLib's test-suite/europeanoption.cpp (G1–G9). Tolerance: 1e-9 relative
/// (the table's 10 significant digits round by at most 5e-10 relative), absolute 1e-12 for values near zero.
/// </summary>
public sealed class BlackScholesTests
{
    // id, cp, S, K, T, r, q, sigma, price, delta, gamma, theta/yr, vega, rho
    [Theory]
    [InlineData("H1", "c", 49, 50, 0.3846, 0.05, 0, 0.2, 2.400461087, 0.5216016340, 0.06554537725, -4.305389965, 12.10524275, 8.906574099)]
    [InlineData("H2", "p", 49, 50, 0.3846, 0.05, 0, 0.2, 2.448146934, -0.4783983660, 0.06554537725, -1.853005672, 12.10524275, -9.957165878)]
    [InlineData("H3", "c", 42, 40, 0.5, 0.10, 0, 0.2, 4.759422393, 0.7791312909, 0.04996267041, -4.559092195, 8.813415060, 13.98204591)]
    [InlineData("H4", "p", 42, 40, 0.5, 0.10, 0, 0.2, 0.8085993729, -0.2208687091, 0.04996267041, -0.7541744966, 8.813415060, -5.042542577)]
    [InlineData("G1", "c", 60, 65, 0.25, 0.08, 0, 0.30, 2.133368445, 0.3724827980, 0.04204275575, -8.428174387, 11.35154405, 5.053899858)]
    [InlineData("G2", "p", 100, 95, 0.5, 0.10, 0.05, 0.20, 2.464787647, -0.2641815996, 0.02283957430, -3.000528096, 22.83957430, -14.44147381)]
    [InlineData("G3", "p", 75, 70, 0.5, 0.10, 0.05, 0.35, 4.086953829, -0.2997079176, 0.01846638383, -4.829646229, 18.17784658, -13.28252382)]
    [InlineData("G4", "c", 105, 100, 0.5, 0.10, 0.10, 0.36, 12.43284451, 0.5946286597, 0.01349363711, -8.396839774, 26.77812285, 25.00158238)]
    [InlineData("G5", "p", 105, 100, 0.5, 0.10, 0.10, 0.36, 7.676697386, -0.3566007648, 0.01349363711, -8.872454486, 26.77812285, -22.55988884)]
    [InlineData("G6", "c", 55, 60, 0.75, 0.10, 0, 0.30, 5.392778824, 0.5333413897, 0.02782116048, -6.181255231, 18.93577735, 17.95574821)]
    [InlineData("G7", "p", 430, 405, 1.0 / 12, 0.07, 0.05, 0.20, 1.757059929, -0.1361457768, 0.008784802104, -31.19235030, 27.07183182, -5.024978662)]
    [InlineData("G8", "c", 72, 75, 1.0, 0.09, 0, 0.19, 7.222751948, 0.6382674579, 0.02739288834, -6.049110885, 26.98089930, 38.73250502)]
    [InlineData("G9", "p", 500, 490, 0.25, 0.08, 0.05, 0.15, 8.805649158, -0.3378029070, 0.009671703389, -21.43017025, 90.67221928, -44.42677566)]
    public void Matches_the_reference_table(string id, string cp, double s, double k, double t, double r, double q, double sigma,
        double price, double delta, double gamma, double theta, double vega, double rho)
    {
        var right = cp == "c" ? OptionRight.Call : OptionRight.Put;
        var greeks = BlackScholes.Greeks(right, s, k, t, r, q, sigma);

        AssertClose(id, "price", price, greeks.Price);
        AssertClose(id, "price (Price)", price, BlackScholes.Price(right, s, k, t, r, q, sigma));
        AssertClose(id, "delta", delta, greeks.Delta);
        AssertClose(id, "gamma", gamma, greeks.Gamma);
        AssertClose(id, "theta", theta, greeks.Theta);
        AssertClose(id, "vega", vega, greeks.Vega);
        AssertClose(id, "rho", rho, greeks.Rho);
    }

    [Fact]
    public void Per_day_and_per_point_conventions_divide_by_365_and_100()
    {
        // G8: QuantLib's thetaPerDay −0.0855 (= theta/365) and vega per point 0.2698.
        var g8 = BlackScholes.Greeks(OptionRight.Call, 72, 75, 1.0, 0.09, 0, 0.19);
        Assert.Equal(-6.049110885 / 365, g8.ThetaPerDay, 1e-9);
        Assert.Equal(0.2698089930, g8.VegaPerPoint, 1e-9);
    }

    [Theory]
    [InlineData(5900.0, 5800.0, 100.0, 0.0)] // expired ITM call: intrinsic, delta 1
    [InlineData(5700.0, 5800.0, 0.0, 0.0)]
    public void At_expiry_the_value_is_intrinsic(double spot, double strike, double expectedCall, double t)
    {
        var call = BlackScholes.Greeks(OptionRight.Call, spot, strike, t, 0.04, 0.013, 0.2);
        Assert.Equal(expectedCall, call.Price, 1e-12);
        Assert.Equal(expectedCall > 0 ? 1.0 : 0.0, call.Delta);
        Assert.Equal(0.0, call.Gamma);
        Assert.False(double.IsNaN(call.Theta));
    }

    [Fact]
    public void Put_call_parity_holds()
    {
        const double s = 5800, k = 5650, t = 30 / 365.0, r = 0.043, q = 0.013, sigma = 0.19;
        var call = BlackScholes.Price(OptionRight.Call, s, k, t, r, q, sigma);
        var put = BlackScholes.Price(OptionRight.Put, s, k, t, r, q, sigma);
        Assert.Equal(s * Math.Exp(-q * t) - k * Math.Exp(-r * t), call - put, 1e-9);
    }

    private static void AssertClose(string id, string what, double expected, double actual)
    {
        var tolerance = Math.Max(1e-9 * Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{id} {what}: expected {expected:R}, got {actual:R}");
    }
}
