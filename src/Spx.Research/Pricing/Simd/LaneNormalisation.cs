using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="NormalisedPrice.Of"/> over lanes, giving each lane a code: <see cref="Solve"/>, a status byte, or
/// <see cref="Recheck"/>. The statuses must be the scalar API's, but the vector log and exp differ from
/// <see cref="Math.Log"/> and <see cref="Math.Exp"/> by a few ulp, so a lane whose decision lies within twice the
/// bound of that difference (<see cref="U"/>) of its threshold, or whose exponents are large, is sent back to the scalar
/// arithmetic; every other lane's decision is the scalar's. Out of the money the rounding
/// tests reduce to the sign of β, exact in any arithmetic, so a tiny price is not a reason to recheck.
/// </summary>
internal static class LaneNormalisation
{
    /// <summary>The lane has a volatility to solve for.</summary>
    public const double Solve = -1;

    /// <summary>The lane's status is too close to call in lanes: redo it with <see cref="NormalisedPrice.Of"/>.</summary>
    public const double Recheck = -2;

    /// <summary>
    /// Half an ulp, u = 2^−53. The lanes' ln is within 3 ulp and exp within 2 ulp of the scalar's (LaneKernelTests), so
    /// x differs by at most 8u·|ln(S/K)| + 2u·|x|, e^(x/2) relatively by half that plus 6u, and the time value, the bound
    /// and β by at most (17u + 4u·|ln(S/K)| + u·|x|) of β + e^(x/2) + e^(−x/2). The margin is twice that bound.
    /// </summary>
    private const double U = 1.1102230246251565e-16;

    /// <summary>Past this the exponents are implausible for an option and the bound above is not worth trusting: recheck.</summary>
    public const double MaxExponent = 30;

    /// <summary>The code of each lane, and where it is <see cref="Solve"/>, its normalised price (else unspecified).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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

        // Out of the money the time value is β itself: the rounding tests are tests of its sign, exact in lanes too, and
        // only the 1e-300 floor needs a (relative) margin. In the money β − intrinsic carries the rounding of its terms,
        // and the rounding (at least 2^−46 of e^(±x/2)) decides long before the floor could.
        var margin = U * (34 + 8 * T.Abs(logRatio) + 2 * T.Abs(x)) * (beta + half + inverse);
        var inTheMoney = T.GreaterThan(intrinsic, zero);
        var (roundingMargin, floorMargin) = (T.Select(inTheMoney, margin, zero), T.Select(inTheMoney, zero, T.Create(1e-12 * ImpliedVolatility.MinNormalisedTimeValue)));
        var limit = T.Create(MaxExponent);
        var unsure = Near(timeValue, -rounding, roundingMargin) | Near(timeValue, rounding, roundingMargin) | Near(beta, bound, margin)
            | Near(timeValue, T.Create(ImpliedVolatility.MinNormalisedTimeValue), floorMargin)
            | T.LessThanOrEqual(T.Abs(x), 16 * U * (T.Abs(logRatio) + T.Abs(drift)))
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

    /// <summary>Closer than <paramref name="margin"/> (strictly, so a margin of 0 means an exact test).</summary>
    private static T Near<T>(T value, T threshold, T margin) where T : struct, ILanes<T> => T.LessThan(T.Abs(value - threshold), margin);

    private static T Finite<T>(T value) where T : struct, ILanes<T> => T.LessThan(T.Abs(value), T.Create(double.PositiveInfinity));

    private static T Code<T>(ImpliedVolatilityStatus status) where T : struct, ILanes<T> => T.Create((double)status);
}
