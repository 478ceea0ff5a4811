using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing.Simd;

/// <summary>e^x over lanes at full precision for every argument, on the vector path.</summary>
internal static class LaneMath
{
    /// <summary>The runtime's vector exp computes |x| ≤ 708 itself and hands anything else to a scalar loop.</summary>
    private const double Reach = 708;

    private static readonly double BelowScale = Math.Exp(-Reach), AboveScale = Math.Exp(Reach);

    /// <summary>e^x: <see cref="ILanes{TSelf}.ExpWithinRange"/>, and <see cref="ExpBeyondRange{T}"/> when a lane is out of its reach.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Exp<T>(T x) where T : struct, ILanes<T> =>
        T.All(T.LessThanOrEqual(T.Abs(x), T.Create(Reach))) ? T.ExpWithinRange(x) : ExpBeyondRange(x);

    /// <summary>
    /// e^x = e^(x ± 708)·e^(∓708) beyond ±708: the product rounds once to the subnormal (or 0) below −708 and
    /// overflows to ∞ past 709.78, as <see cref="Math.Exp"/> does; NaN stays NaN. Rare in the kernels (a vega
    /// or density far in the tail), so it is kept out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T ExpBeyondRange<T>(T x) where T : struct, ILanes<T>
    {
        var below = T.LessThan(x, T.Create(-Reach));
        var above = T.GreaterThan(x, T.Create(Reach));
        var nan = T.IsNaN(x);
        var shifted = T.Select(below, x + Reach, T.Select(above, x - Reach, T.Select(nan, T.Create(0), x)));
        var clamped = T.Max(T.Min(shifted, T.Create(Reach)), T.Create(-Reach));
        var scale = T.Select(below, T.Create(BelowScale), T.Select(above, T.Create(AboveScale), T.Create(1)));
        return T.Select(nan, x, T.ExpWithinRange(clamped) * scale);
    }
}
