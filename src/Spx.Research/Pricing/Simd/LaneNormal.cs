using System.Runtime.CompilerServices;
using static Spx.Research.Pricing.CodyErfc;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="CodyErfc"/> and the normal CDF over lanes: Cody's three rational approximations (the same coefficients),
/// each evaluated only when a lane needs it, with Horner's rule in fused multiply-adds. One erfc serves both tails:
/// Cody computes the small one, erfc(|w|), and the other is 2 minus it, exactly as the scalar gets erfc(−w).
/// </summary>
internal static class LaneNormal
{
    /// <summary>
    /// N(z), N(−z) and φ(z) per lane (out parameters: the JIT does not inline a constructor of three vectors): each CDF as <see cref="CodyNormal.Cdf"/> gives it, N(z) = ½·erfc(−z/√2), and the
    /// density e^(−z²/2)/√(2π) from the e^(−w²) the erfc needs anyway (w = z/√2 rounded: within z²·ε of the scalar's).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Cdfs<T>(T z, out T cdf, out T complement, out T density) where T : struct, ILanes<T>
    {
        var w = -z * CodyNormal.InvSqrt2;
        var gaussian = Gaussian(T.Abs(w));
        var (erfc, erfcOfNegative) = Erfcs(w, gaussian);
        (cdf, complement, density) = (0.5 * erfc, 0.5 * erfcOfNegative, NormalisedBlack.InvSqrt2Pi * gaussian);
    }

    /// <summary>erfc(w) per lane, as <see cref="CodyErfc.Erfc"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static T Erfc<T>(T w) where T : struct, ILanes<T> => Erfcs(w, Gaussian(T.Abs(w))).Erfc;

    /// <summary>(erfc(w), erfc(−w)) per lane given e^(−w²); NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Erfc, T ErfcOfNegative) Erfcs<T>(T w, T gaussian) where T : struct, ILanes<T>
    {
        var y = T.Abs(w);
        var nan = T.IsNaN(w);
        var small = T.LessThanOrEqual(y, T.Create(0.46875));
        var tailed = T.AndNot(T.LessThan(y, T.Create(Zero)), small);

        // One division serves every lane: w·A/B where small (erf), the tail's fraction elsewhere (erfc(y)/e^(−y²)).
        var (anySmall, anyTail) = (T.Any(small), T.Any(tailed));
        var (num, den) = anySmall && anyTail ? Blend(small, SmallTerms(w, y), TailTerms(T.Select(tailed, y, T.Create(1))))
            : anySmall ? SmallTerms(w, y)
            : anyTail ? TailTerms(T.Select(tailed, y, T.Create(1)))
            : (T.Create(0), T.Create(1));
        var ratio = num / den;
        var tail = T.Select(tailed, gaussian * ratio, T.Create(0));

        // erfc(w) = 2 − erfc(|w|) for w < 0; NaN lanes fell through both masks above.
        var negative = T.LessThan(w, T.Create(0));
        var erfc = T.Select(small, 1 - ratio, T.Select(negative, 2 - tail, tail));
        var erfcOfNegative = T.Select(small, 1 + ratio, T.Select(negative, tail, 2 - tail));
        return (T.Select(nan, w, erfc), T.Select(nan, w, erfcOfNegative));
    }

    /// <summary>erf(w) = w·A(w²)/B(w²) for |w| ≤ 0.46875, as numerator and denominator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Num, T Den) SmallTerms<T>(T w, T y) where T : struct, ILanes<T>
    {
        var z = y * y;
        var num = Horner(Horner(Horner(Horner(T.Create(A4), z, A0), z, A1), z, A2), z, A3);
        var den = Horner(Horner(Horner(z + B0, z, B1), z, B2), z, B3);
        return (w * num, den);
    }

    /// <summary>
    /// erfc(y)/e^(−y²) for 0.46875 &lt; y &lt; 26.543 as a fraction: C(y)/D(y) up to 4, (1/√π − P(1/y²)/Q(1/y²)/y²)/y
    /// beyond. Lanes outside that range must hold a harmless y (the caller's 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Num, T Den) TailTerms<T>(T y) where T : struct, ILanes<T>
    {
        var middle = T.LessThanOrEqual(y, T.Create(4));
        return T.All(middle) ? MiddleTerms(y) : T.Any(middle) ? Blend(middle, MiddleTerms(y), FarTerms(y)) : FarTerms(y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Num, T Den) Blend<T>(T mask, (T Num, T Den) whenTrue, (T Num, T Den) whenFalse) where T : struct, ILanes<T> =>
        (T.Select(mask, whenTrue.Num, whenFalse.Num), T.Select(mask, whenTrue.Den, whenFalse.Den));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Num, T Den) MiddleTerms<T>(T y) where T : struct, ILanes<T>
    {
        var num = Horner(Horner(Horner(Horner(Horner(Horner(Horner(Horner(T.Create(C8), y, C0), y, C1), y, C2), y, C3), y, C4), y, C5), y, C6), y, C7);
        var den = Horner(Horner(Horner(Horner(Horner(Horner(Horner(y + D0, y, D1), y, D2), y, D3), y, D4), y, D5), y, D6), y, D7);
        return (num, den);
    }

    /// <summary>(1/√π − z·P/Q)/y with z = 1/y², as one fraction: (Q/√π − z·P) / (Q·y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T Num, T Den) FarTerms<T>(T y) where T : struct, ILanes<T>
    {
        var z = 1 / (y * y);
        var num = Horner(Horner(Horner(Horner(Horner(T.Create(P5), z, P0), z, P1), z, P2), z, P3), z, P4);
        var den = Horner(Horner(Horner(Horner(z + Q0, z, Q1), z, Q2), z, Q3), z, Q4);
        return (T.FusedMultiplyAdd(den, T.Create(InvSqrtPi), -(z * num)), den * y);
    }

    /// <summary>
    /// e^(−y²) as <see cref="CodyErfc.Gaussian"/>: y² split exactly by a fused multiply-add, then one exp (subnormal or 0
    /// past y ≈ 26.6, 0 for y = ∞, whose split is NaN; NaN for NaN).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Gaussian<T>(T y) where T : struct, ILanes<T>
    {
        var hi = y * y;
        var lo = T.FusedMultiplyAdd(y, y, -hi);
        return LaneMath.Exp(-hi) * T.Select(T.IsNaN(lo), T.Create(1), 1 - lo);
    }

    /// <summary>One step of Horner's rule: p·x + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Horner<T>(T p, T x, double c) where T : struct, ILanes<T> => T.FusedMultiplyAdd(p, x, T.Create(c));
}
