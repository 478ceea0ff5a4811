using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// Put-call parity gives the forward and the yield (docs/pricing.md, "SPX: the implied forward") as the median over
/// the strikes nearest the money, which one bad quote does not move; and the early-exercise flag marks the American rows whose European value is below what exercising now pays.
/// </summary>
public sealed class ImpliedForwardTests
{
    // Put-call parity for an index paying a continuous yield q (J. Hull, Options, Futures, and Other Derivatives,
    // the chapter on options on stock indices):
    // C − P = S·e^(−qt) − K·e^(−rt) = e^(−rt)·(F − K) with F = S·e^((r−q)t), so every strike of a chain priced by the
    // model reads the same F. Tolerance per row: the model's prices carry rounding near 1e-12 of the spot.
    [Theory]
    // spot, t, r, q, nearest strikes, tolerance on F. SPX-like expiries from 0DTE to a year.
    [InlineData(5800, 1.0 / 365, 0.043, 0.013, 5, 1e-9)]
    [InlineData(5800, 30.0 / 365, 0.043, 0.013, 5, 1e-9)]
    [InlineData(6100, 1.0, 0.05, 0.0, 3, 1e-9)]
    [InlineData(4000, 0.25, 0.02, 0.03, 1, 1e-9)]
    public void Recovers_the_forward_and_yield_the_chain_was_priced_with(double spot, double t, double r, double q, int nearest, double relativeTolerance)
    {
        var strikes = Enumerable.Range(-20, 41).Select(i => Math.Round(spot / 25) * 25 + 25 * i).ToArray();
        var (calls, puts) = Chain(strikes, spot, t, r, q);

        var estimate = ImpliedForward.FromParity(strikes, calls, puts, spot, t, r, nearest);

        Assert.Equal(spot * Math.Exp((r - q) * t), estimate.Forward, relativeTolerance * spot);
        Assert.Equal(q, estimate.Yield, relativeTolerance);
        Assert.Equal(nearest, estimate.StrikesUsed);
        Assert.True(Math.Abs(estimate.Strike - estimate.Forward) <= 12.5, $"read at {estimate.Strike}, forward {estimate.Forward}");
    }

    /// <summary>Spot, rate and time of the corrupted-quote rows; the yield is set so the forward is exactly <see cref="CleanForward"/>.</summary>
    private const double Spot = 5800, T = 30.0 / 365, R = 0.043, CleanForward = 5812;

    [Theory]
    // strike, leg, error added to its mid ($), nearest strikes. Strikes every 5 around F = 5812: 5810 is the at-the-money one.
    // The at-the-money call 1.50 cheap: 5810 stays the closest pair and alone would read F ≈ 5810.5.
    [InlineData(5810, "call", -1.50, 5)]
    [InlineData(5810, "call", -1.50, 3)]
    // The 5815 put 2.99 cheap: C ≈ P there, so 5815 now looks the most at the money and alone would read F ≈ 5815.
    [InlineData(5815, "put", -2.99, 5)]
    [InlineData(5815, "put", -2.99, 3)]
    // The at-the-money put 1.00 rich: 5810 stays the closest pair and alone would read F ≈ 5811.
    [InlineData(5810, "put", 1.00, 5)]
    public void One_corrupted_quote_near_the_money_does_not_move_the_median(double strike, string leg, double error, int nearest)
    {
        var q = R - Math.Log(CleanForward / Spot) / T;
        var strikes = Enumerable.Range(-10, 21).Select(i => 5810.0 + 5 * i).ToArray();
        var (calls, puts) = Chain(strikes, Spot, T, R, q);
        var row = Array.IndexOf(strikes, strike);
        (leg == "call" ? calls : puts)[row] += error;

        var single = ImpliedForward.FromParity(strikes, calls, puts, Spot, T, R, nearestStrikes: 1);
        var estimate = ImpliedForward.FromParity(strikes, calls, puts, Spot, T, R, nearest);

        Assert.True(Math.Abs(single.Forward - CleanForward) > 0.5, $"the corruption should move a single-strike reading; it reads {single.Forward}");
        Assert.Equal(strike, single.Strike);
        Assert.Equal(CleanForward, estimate.Forward, 1e-9 * CleanForward);
        Assert.Equal(q, estimate.Yield, 1e-9);
    }

    [Theory]
    // nearest strikes, forward, strikes used, at-the-money strike. By hand, r = 0 so F = K + C − P at each strike:
    // 5775 reads 5800 (|C − P| = 25), 5800 reads 5801 (1), 5825 reads 5800 (25); 5850 lacks a call and 5875 a put.
    [InlineData(5, 5800.0, 3, 5800.0)] // fewer usable strikes than asked: the median of the three there are
    [InlineData(3, 5800.0, 3, 5800.0)]
    [InlineData(2, 5800.5, 2, 5800.0)] // 5800, then the tie at 25 goes to the first row (5775): the mean of 5801 and 5800
    [InlineData(1, 5801.0, 1, 5800.0)] // the closest pair alone
    public void With_fewer_usable_strikes_than_asked_the_median_is_over_those_there_are(int nearest, double forward, int used, double atTheMoney)
    {
        double[] strikes = [5775, 5800, 5825, 5850, 5875];
        double[] calls = [40, 20, 8, double.NaN, 1];
        double[] puts = [15, 19, 33, 60, 0];

        var estimate = ImpliedForward.FromParity(strikes, calls, puts, 5800, 0.1, 0, nearest);

        Assert.Equal(forward, estimate.Forward, 1e-12 * forward);
        Assert.Equal(used, estimate.StrikesUsed);
        Assert.Equal(atTheMoney, estimate.Strike);
        Assert.Equal(-Math.Log(forward / 5800) / 0.1, estimate.Yield, 1e-12);
    }

    [Fact]
    public void Skips_strikes_without_both_mids_and_says_when_none_has_them()
    {
        double[] strikes = [5775, 5800, 5825];
        var estimate = ImpliedForward.FromParity(strikes, [double.NaN, 60, 40], [30, 0, 55], 5800, 0.1, 0.04);
        Assert.Equal(5825, estimate.Strike);
        Assert.Equal(1, estimate.StrikesUsed);

        var error = Assert.Throws<ArgumentException>(() => ImpliedForward.FromParity(strikes, [double.NaN, 60, 0], [30, 0, 55], 5800, 0.1, 0.04));
        Assert.Contains("none of the 3 strikes", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpliedForward.FromParity(strikes, [20, 60, 40], [30, 50, 55], 5800, 0.1, 0.04, nearestStrikes: 0));
    }

    private static (double[] Calls, double[] Puts) Chain(double[] strikes, double spot, double t, double r, double q) =>
        (strikes.Select(k => BlackScholes.Price(OptionRight.Call, spot, k, t, r, q, 0.18)).ToArray(),
         strikes.Select(k => BlackScholes.Price(OptionRight.Put, spot, k, t, r, q, 0.18)).ToArray());

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
