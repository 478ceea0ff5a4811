using Spx.Research.Market;

namespace Spx.Research.Pricing;

/// <summary>
/// The Black-Scholes-Merton volatility that reproduces an option's price, solved in σ to within 1e-10
/// (docs/pricing.md, "Implied volatility"). Prices with no volatility get NaN and a reason instead of a number
/// that only looks like one: below intrinsic, at or above the no-arbitrage bound, expired, no time value.
/// </summary>
/// <remarks>
/// The price is normalised as in Jäckel's "Let's Be Rational": undiscounted, divided by √(F·K), with its intrinsic
/// value taken off so every option becomes the out-of-the-money b(x, s) with x = −|ln(F/K)|, which
/// <see cref="TotalVolatilitySolver"/> inverts for s = σ√t.
/// </remarks>
public static class ImpliedVolatility
{
    /// <summary>The tolerance on σ: the last step taken was smaller than this.</summary>
    public const double Tolerance = 1e-11;

    /// <summary>
    /// Time value within this fraction of the forward or strike (the larger; either side of intrinsic) is rounding noise: σ from it would be meaningless
    /// (deep in-the-money, long-dated options), so the result is <see cref="ImpliedVolatilityStatus.NoTimeValue"/>.
    /// </summary>
    public const double MinTimeValueFraction = 1.4210854715202004e-14; // 2^-46: about the last 6 bits of a double

    /// <summary>
    /// A normalised time value below this has run into the bottom of the double range (the normal tails underflow
    /// around 1e-308): nothing to solve from, so <see cref="ImpliedVolatilityStatus.NoTimeValue"/>.
    /// </summary>
    public const double MinNormalisedTimeValue = 1e-300;

    /// <summary>The volatility at which a European option with these terms is worth <paramref name="price"/>.</summary>
    public static ImpliedVolatilityResult Solve(OptionRight right, double price, double spot, double strike, double t, double r, double q)
    {
        var normalised = NormalisedPrice.Of(right, price, spot, strike, t, r, q);
        if (normalised.Failure is { } failure) return ImpliedVolatilityResult.Failed(failure);
        var s = SolveTotal(normalised);
        return double.IsNaN(s)
            ? ImpliedVolatilityResult.Failed(ImpliedVolatilityStatus.NotConverged)
            : new ImpliedVolatilityResult(s / normalised.SqrtT, ImpliedVolatilityStatus.Solved);
    }

    /// <summary>The total volatility s = σ√t of a normalised price that has one; NaN when the solver does not settle.</summary>
    internal static double SolveTotal(in NormalisedPrice normalised) =>
        TotalVolatilitySolver.Solve(-Math.Abs(normalised.LogMoneyness), normalised.TimeValue, Tolerance * normalised.SqrtT);
}
