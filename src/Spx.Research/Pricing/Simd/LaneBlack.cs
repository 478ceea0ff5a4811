using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="NormalisedBlack"/> over lanes, one x ≤ 0 per lane: b(s), bmax − b(s) and the derivative ratios the
/// solver needs. b and bmax − b come from one pair of CDF evaluations, since N(−d1) is a by-product of N(d1).
/// </summary>
internal readonly struct LaneBlack<T> where T : struct, ILanes<T>
{
    public LaneBlack(T x)
    {
        X = x;
        Max = LaneMath.Exp(0.5 * x);
        InverseMax = 1 / Max;
    }

    /// <summary>x = ln(F/K) ≤ 0.</summary>
    public T X { get; }

    /// <summary>bmax = e^(x/2).</summary>
    public T Max { get; }

    /// <summary>e^(−x/2).</summary>
    public T InverseMax { get; }

    /// <summary>
    /// b(s), bmax − b(s) and b'(s), as <see cref="NormalisedBlack.Price"/>, <see cref="NormalisedBlack.Complement"/> and
    /// <see cref="NormalisedBlack.Vega"/>: b'(s) = e^(x/2)·φ(d1), with φ(d1) from the CDF evaluation at d1.
    /// </summary>
    public (T Price, T Complement, T Vega) Evaluate(T s)
    {
        var d1 = X / s + 0.5 * s;
        var (n1, nMinus1, density) = LaneNormal.Cdfs(d1);
        var (n2, _, _) = LaneNormal.Cdfs(d1 - s);
        return (Max * n1 - InverseMax * n2, Max * nMinus1 + InverseMax * n2, Max * density);
    }

    /// <summary>b'(s) at the inflection point: e^(x/2)/√(2π).</summary>
    public T VegaAtInflection => NormalisedBlack.InvSqrt2Pi * Max;

    /// <summary>b''/b' = x²/s³ − s/4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T SecondOverFirst(T s) => X * X / (s * s * s) - 0.25 * s;

    /// <summary>b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T ThirdOverFirst(T s, T secondOverFirst) => secondOverFirst * secondOverFirst - 3 * X * X / (s * s * s * s) - 0.25;
}
