using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// Put-call parity gives the forward and the yield (docs/pricing.md, "SPX: the implied forward"), and the
/// early-exercise flag marks the American rows whose European value is below what exercising now pays.
/// </summary>
public sealed class ImpliedForwardTests
{
    [Theory]
    // spot, t, r, q: SPX-like expiries from 0DTE to a year; the chain is priced by the model with this q.
    [InlineData(5800, 1.0 / 365, 0.043, 0.013)]
    [InlineData(5800, 30.0 / 365, 0.043, 0.013)]
    [InlineData(6100, 1.0, 0.05, 0.0)]
    [InlineData(4000, 0.25, 0.02, 0.03)]
    public void Recovers_the_yield_the_chain_was_priced_with(double spot, double t, double r, double q)
    {
        var strikes = Enumerable.Range(-20, 41).Select(i => Math.Round(spot / 25) * 25 + 25 * i).ToArray();
        var calls = strikes.Select(k => BlackScholes.Price(OptionRight.Call, spot, k, t, r, q, 0.18)).ToArray();
        var puts = strikes.Select(k => BlackScholes.Price(OptionRight.Put, spot, k, t, r, q, 0.18)).ToArray();

        var estimate = ImpliedForward.FromParity(strikes, calls, puts, spot, t, r);

        Assert.Equal(spot * Math.Exp((r - q) * t), estimate.Forward, 1e-9 * spot);
        Assert.Equal(q, estimate.Yield, 1e-9);
        Assert.True(Math.Abs(estimate.Strike - estimate.Forward) <= 12.5, $"read at {estimate.Strike}, forward {estimate.Forward}");
    }

    [Fact]
    public void Skips_strikes_without_both_mids_and_says_when_none_has_them()
    {
        double[] strikes = [5775, 5800, 5825];
        var estimate = ImpliedForward.FromParity(strikes, [double.NaN, 60, 40], [30, 0, 55], 5800, 0.1, 0.04);
        Assert.Equal(5825, estimate.Strike);

        var error = Assert.Throws<ArgumentException>(() => ImpliedForward.FromParity(strikes, [double.NaN, 60, 0], [30, 0, 55], 5800, 0.1, 0.04));
        Assert.Contains("none of the 3 strikes", error.Message);
    }

    [Theory]
    // right, S, K, t, r, q, σ, flagged. Deep ITM put, positive rate: K − S beats the European put (discounted K).
    [InlineData("p", 50, 100, 1.0, 0.05, 0, 0.2, true)]
    // The same put at zero rate: never worth exercising early.
    [InlineData("p", 50, 100, 1.0, 0.0, 0, 0.2, false)]
    // Out of the money: nothing to exercise.
    [InlineData("p", 100, 90, 1.0, 0.05, 0, 0.2, false)]
    // Deep ITM call with a yield (a coming dividend): S − K beats the European call.
    [InlineData("c", 150, 100, 0.5, 0.04, 0.08, 0.2, true)]
    // The same call with no yield: an American call on a non-payer is never exercised early.
    [InlineData("c", 150, 100, 0.5, 0.04, 0, 0.2, false)]
    // At the money with time value: not flagged.
    [InlineData("p", 100, 100, 0.5, 0.05, 0.01, 0.2, false)]
    public void Flags_rows_whose_European_value_is_below_exercising_now(string cp, double s, double k, double t, double r, double q, double sigma, bool flagged)
    {
        var right = cp == "c" ? OptionRight.Call : OptionRight.Put;
        Assert.Equal(flagged, EarlyExercise.Matters(right, s, k, t, r, q, sigma));
    }
}
