namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="NormalisedPrice.Of"/> over lanes, giving each lane a code: <see cref="Solve"/>, a status byte, or
/// <see cref="Recheck"/>. The statuses must be the scalar API's, but the vector log and exp differ from
/// <see cref="Math.Log"/> and <see cref="Math.Exp"/> by a few ulp, so a lane whose decision lies within
/// <see cref="Margin"/> of its threshold, or whose exponents are large, is sent back to the scalar arithmetic;
/// every other lane's decision is the scalar's with a hundredfold margin to spare.
/// </summary>
internal static class LaneNormalisation
{
    /// <summary>The lane has a volatility to solve for.</summary>
    public const double Solve = -1;

    /// <summary>The lane's status is too close to call in lanes: redo it with <see cref="NormalisedPrice.Of"/>.</summary>
    public const double Recheck = -2;

    /// <summary>
    /// Relative to β + e^(x/2) + e^(−x/2), the scale of every quantity compared: with |ln(S/K)|, |(r − q)t| and |rt|
    /// at most <see cref="MaxExponent"/>, the lanes' time value, bound and rounding differ from the scalar's by about
    /// 1e-14 of it (ln within 3 ulp, exp within 2, measured), so a decision farther than this cannot differ.
    /// </summary>
    public const double Margin = 1e-12;

    /// <summary>Past this the ulp of an exponent outgrows <see cref="Margin"/>'s reasoning: recheck.</summary>
    public const double MaxExponent = 30;

    /// <summary>The code of each lane, and where it is <see cref="Solve"/>, its normalised price (else unspecified).</summary>
    public static T Of<T>(T call, T price, T spot, T strike, T t, T r, T q, out T x, out T timeValue, out T sqrtT, out T growth) where T : struct, ILanes<T>
    {
        var zero = T.Create(0);
        var logRatio = T.Log(spot / strike);
        var drift = (r - q) * t;
        x = logRatio + drift;
        var half = LaneMath.Exp(0.5 * x);
        var inverse = 1 / half;
        growth = LaneMath.Exp(r * t);
        var beta = price * growth / (strike * half);
        var intrinsic = T.Max(T.Select(call, half - inverse, inverse - half), zero);
        timeValue = beta - intrinsic;
        var rounding = ImpliedVolatility.MinTimeValueFraction * T.Select(T.GreaterThan(intrinsic, zero), T.Max(beta, T.Max(half, inverse)), beta);
        var bound = T.Select(call, half, inverse);
        sqrtT = T.Sqrt(t);

        var margin = Margin * (beta + half + inverse);
        var limit = T.Create(MaxExponent);
        var unsure = Near(timeValue, -rounding, margin) | Near(timeValue, rounding, margin) | Near(beta, bound, margin)
            | T.LessThan(T.Abs(x), T.Create(Margin))
            | T.GreaterThan(T.Abs(logRatio), limit) | T.GreaterThan(T.Abs(drift), limit) | T.GreaterThan(T.Abs(r * t), limit);

        var code = T.Select(T.LessThanOrEqual(timeValue, rounding) | T.LessThan(timeValue, T.Create(ImpliedVolatility.MinNormalisedTimeValue)), Code<T>(ImpliedVolatilityStatus.NoTimeValue), T.Create(Solve));
        code = T.Select(T.GreaterThanOrEqual(beta, bound), Code<T>(ImpliedVolatilityStatus.AboveUpperBound), code);
        code = T.Select(T.LessThan(timeValue, -rounding), Code<T>(ImpliedVolatilityStatus.BelowIntrinsic), code);
        code = T.Select(unsure, T.Create(Recheck), code);
        code = T.Select(T.LessThanOrEqual(t, zero), Code<T>(ImpliedVolatilityStatus.Expired), code);
        code = T.Select(T.LessThanOrEqual(spot, zero) | T.LessThanOrEqual(strike, zero), Code<T>(ImpliedVolatilityStatus.NonPositiveSpotOrStrike), code);
        var finite = Finite(price) & Finite(spot) & Finite(strike) & Finite(t) & Finite(r) & Finite(q);
        return T.Select(finite, code, Code<T>(ImpliedVolatilityStatus.NonFiniteInput));
    }

    private static T Near<T>(T value, T threshold, T margin) where T : struct, ILanes<T> => T.LessThanOrEqual(T.Abs(value - threshold), margin);

    private static T Finite<T>(T value) where T : struct, ILanes<T> => T.LessThan(T.Abs(value), T.Create(double.PositiveInfinity));

    private static T Code<T>(ImpliedVolatilityStatus status) where T : struct, ILanes<T> => T.Create((double)status);
}
