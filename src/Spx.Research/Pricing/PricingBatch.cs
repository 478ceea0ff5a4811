using System.Runtime.Intrinsics;
using Spx.Research.Pricing.Simd;

namespace Spx.Research.Pricing;

/// <summary>
/// Prices, greeks and implied volatilities over columns of options: the path consolidation takes for millions of
/// option minutes. The work runs in SIMD lanes, eight options at a time with AVX-512 (<see cref="Lanes"/>): Cody's
/// erfc, exp and log over vectors, the implied-volatility solver in lockstep, the greeks at the solution reusing the
/// solve's normalisation (docs/pricing.md, "Columns: the batch API"). The scalar API stays the reference: statuses are
/// its own (the same <see cref="NormalisedPrice"/>), values agree with it to the tolerances PricingBatchTests states.
/// </summary>
public static class PricingBatch
{
    /// <summary>Options per vector on this machine: 8 with AVX-512, 4 with AVX2, 2 with SSE2 or NEON, 1 without SIMD (the scalar loops).</summary>
    public static int Lanes { get; } =
        Vector512.IsHardwareAccelerated ? Lanes512.Count
        : Vector256.IsHardwareAccelerated ? Lanes256.Count
        : Vector128.IsHardwareAccelerated ? Lanes128.Count
        : 1;

    /// <summary>Value and greeks of each option at the volatility in <paramref name="sigma"/>.</summary>
    public static void Greeks(OptionColumns options, ReadOnlySpan<double> sigma, GreekColumns output) => Greeks(options, sigma, output, Lanes);

    /// <summary>The implied volatility of each price, NaN with its reason where there is none.</summary>
    public static void ImpliedVolatilities(OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status) =>
        Implied(options, price, iv, status, default, withGreeks: false, Lanes);

    /// <summary>
    /// The implied volatility of each price and the value and greeks at it; NaN greeks where the price has no
    /// volatility (<paramref name="status"/> says why). The greeks reuse the solve's ln(F/K), √t and e^(rt).
    /// </summary>
    public static void ImpliedGreeks(OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, GreekColumns output) => Implied(options, price, iv, status, output, withGreeks: true, Lanes);

    /// <summary><see cref="Greeks(OptionColumns, ReadOnlySpan{double}, GreekColumns)"/> at a chosen width (tests and benchmarks compare them).</summary>
    internal static void Greeks(in OptionColumns options, ReadOnlySpan<double> sigma, in GreekColumns output, int lanes)
    {
        options.CheckLengths();
        options.CheckLength(sigma.Length, "Sigma");
        output.CheckLengths(options);
        switch (lanes)
        {
            case 8: LaneBatch<Lanes512>.Greeks(options, sigma, output); break;
            case 4: LaneBatch<Lanes256>.Greeks(options, sigma, output); break;
            case 2: LaneBatch<Lanes128>.Greeks(options, sigma, output); break;
            default: ScalarBatch.Greeks(options, sigma, output); break;
        }
    }

    /// <summary>Implied volatilities, with <paramref name="withGreeks"/> the greeks at them, at a chosen width.</summary>
    internal static void Implied(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks, int lanes)
    {
        options.CheckLengths();
        options.CheckLength(price.Length, "Price");
        options.CheckLength(iv.Length, "Iv");
        options.CheckLength(status.Length, "Status");
        if (withGreeks) output.CheckLengths(options);
        switch (lanes)
        {
            case 8: LaneBatch<Lanes512>.Implied(options, price, iv, status, output, withGreeks); break;
            case 4: LaneBatch<Lanes256>.Implied(options, price, iv, status, output, withGreeks); break;
            case 2: LaneBatch<Lanes128>.Implied(options, price, iv, status, output, withGreeks); break;
            default: ScalarBatch.Implied(options, price, iv, status, output, withGreeks); break;
        }
    }
}
