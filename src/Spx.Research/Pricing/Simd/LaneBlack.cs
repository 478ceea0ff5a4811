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
    public void Evaluate(T s, out T price, out T complement, out T vega)
    {
        var d1 = X / s + 0.5 * s;
        LaneNormal.Cdfs(d1, out var n1, out var nMinus1, out var density);
        LaneNormal.Cdfs(d1 - s, out var n2, out _, out _);
        (price, complement, vega) = (Max * n1 - InverseMax * n2, Max * nMinus1 + InverseMax * n2, Max * density);
    }

    /// <summary>b'(s) at the inflection point: e^(x/2)/√(2π).</summary>
    public T VegaAtInflection => NormalisedBlack.InvSqrt2Pi * Max;

    /// <summary>b''/b' = x²/s³ − s/4 and b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4, with one division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void DerivativeRatios(T s, out T secondOverFirst, out T thirdOverFirst)
    {
        var inverse = 1 / s;
        var xOverS2 = X * X * inverse * inverse;
        secondOverFirst = xOverS2 * inverse - 0.25 * s;
        thirdOverFirst = secondOverFirst * secondOverFirst - 3 * xOverS2 * inverse * inverse - 0.25;
    }
}
