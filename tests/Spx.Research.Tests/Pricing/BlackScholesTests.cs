using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// The reference values of docs/pricing.md (<see cref="ReferenceRows"/>: Hull's and Haug's examples, to 10 significant
/// digits) through the scalar formula, to 1e-9 relative; the unit conventions, expiry and put-call parity.
/// </summary>
public sealed class BlackScholesTests
{
    [Theory]
    [MemberData(nameof(ReferenceRows.Table), MemberType = typeof(ReferenceRows))]
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

    private static void AssertClose(string id, string what, double expected, double actual) => ReferenceRows.AssertClose(id, what, expected, actual);
}
