using Spx.Research.Market;

namespace Spx.Research.Pricing;

/// <summary>
/// An option's price as Jäckel's normalised time value, or the reason it has no volatility: the part of
/// <see cref="ImpliedVolatility.Solve"/> before the solver, shared with the batch kernels so both give every
/// price the same status from the same arithmetic.
/// </summary>
/// <param name="Failure">Why the price has no volatility; null when there is one to solve for.</param>
/// <param name="LogMoneyness">x = ln(F/K) = ln(S/K) + (r − q)t, signed (positive for a call in the money).</param>
/// <param name="TimeValue">The normalised time value β − intrinsic: what <see cref="TotalVolatilitySolver"/> inverts at −|x|.</param>
/// <param name="SqrtT">√t, the factor between σ and the solver's s = σ√t.</param>
/// <param name="Growth">e^(rt), which undiscounted the price; 1/e^(rt) is the discount factor.</param>
internal readonly record struct NormalisedPrice(ImpliedVolatilityStatus? Failure, double LogMoneyness, double TimeValue, double SqrtT, double Growth)
{
    /// <summary>Normalises <paramref name="price"/>: undiscounted, divided by √(F·K) = K·e^(x/2), intrinsic taken off.</summary>
    public static NormalisedPrice Of(OptionRight right, double price, double spot, double strike, double t, double r, double q)
    {
        if (!(double.IsFinite(price) && double.IsFinite(spot) && double.IsFinite(strike) && double.IsFinite(t) && double.IsFinite(r) && double.IsFinite(q)))
            return Failed(ImpliedVolatilityStatus.NonFiniteInput);
        if (spot <= 0 || strike <= 0) return Failed(ImpliedVolatilityStatus.NonPositiveSpotOrStrike);
        if (t <= 0) return Failed(ImpliedVolatilityStatus.Expired);

        // √(F·K) = K·e^(x/2); intrinsic e^(x/2) − e^(−x/2) for a call.
        var x = Math.Log(spot / strike) + (r - q) * t;
        var half = Math.Exp(0.5 * x);
        var inverse = 1 / half;
        var growth = Math.Exp(r * t);
        var beta = price * growth / (strike * half);
        var intrinsic = Math.Max(right == OptionRight.Call ? half - inverse : inverse - half, 0);
        var timeValue = beta - intrinsic;
        // In the money the price is a difference of forward and strike terms, so its rounding scales with them.
        var rounding = ImpliedVolatility.MinTimeValueFraction * (intrinsic > 0 ? Math.Max(beta, Math.Max(half, inverse)) : beta);
        if (timeValue < -rounding) return Failed(ImpliedVolatilityStatus.BelowIntrinsic);
        if (beta >= (right == OptionRight.Call ? half : inverse)) return Failed(ImpliedVolatilityStatus.AboveUpperBound);
        if (timeValue <= rounding || timeValue < ImpliedVolatility.MinNormalisedTimeValue) return Failed(ImpliedVolatilityStatus.NoTimeValue);
        return new NormalisedPrice(null, x, timeValue, Math.Sqrt(t), growth);
    }

    private static NormalisedPrice Failed(ImpliedVolatilityStatus status) => new(status, double.NaN, double.NaN, double.NaN, double.NaN);
}
