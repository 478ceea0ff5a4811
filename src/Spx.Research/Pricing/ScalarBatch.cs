using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing;

/// <summary>
/// <see cref="PricingBatch"/> one option at a time through the scalar formulas (Cody's erfc for the CDF): the path
/// on hardware without SIMD, and the one-lane reference the vector widths are compared with.
/// </summary>
internal static class ScalarBatch
{
    public static void Greeks(in OptionColumns options, ReadOnlySpan<double> sigma, in GreekColumns output)
    {
        for (var i = 0; i < options.Length; i++)
            output.Set(i, BlackScholes.Greeks<CodyNormal>(options.Right[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i], sigma[i]));
    }

    public static void Implied(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks)
    {
        for (var i = 0; i < options.Length; i++) Implied(options, price, iv, status, output, withGreeks, i);
    }

    /// <summary>Option <paramref name="i"/> alone: also where the lanes could not settle an option, so the scalar solver decides.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // rare from the lanes; inlined there, it would crowd out their own inlining
    public static void Implied(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks, int i)
    {
        var (right, spot, strike, t, r, q) = (options.Right[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i]);
        var normalised = NormalisedPrice.Of(right, price[i], spot, strike, t, r, q);
        var s = normalised.Failure is null ? ImpliedVolatility.SolveTotal(normalised) : double.NaN;
        status[i] = normalised.Failure ?? (double.IsNaN(s) ? ImpliedVolatilityStatus.NotConverged : ImpliedVolatilityStatus.Solved);
        var solved = status[i] == ImpliedVolatilityStatus.Solved;
        iv[i] = solved ? s / normalised.SqrtT : double.NaN;
        if (!withGreeks) return;
        if (solved) output.Set(i, BlackScholes.GreeksAtSolution<CodyNormal>(right, spot, strike, t, r, q, normalised, s));
        else output.SetNaN(i);
    }
}
