namespace Spx.Research.Pricing;

/// <summary>
/// Prices, greeks and implied volatilities over columns of options: the path consolidation takes for millions
/// of option minutes. Each element goes through the scalar formulas (<see cref="BlackScholes"/>,
/// <see cref="ImpliedVolatility"/>) with Cody's erfc for the normal CDF, faster than MathNet's: implied
/// volatilities equal the scalar ones bit for bit, greeks agree with <see cref="BlackScholes.Greeks"/> to about
/// 1e-15 relative (docs/pricing.md, "Columns: the batch API").
/// </summary>
/// <remarks>
/// A Vector256 kernel would need a vectorised erfc, exp and log to full precision; docs/benchmarks.md records
/// the scalar loop's throughput against the goals, which is the figure to beat before adding one.
/// </remarks>
public static class PricingBatch
{
    /// <summary>Value and greeks of each option at the volatility in <paramref name="sigma"/>.</summary>
    public static void Greeks(OptionColumns options, ReadOnlySpan<double> sigma, GreekColumns output)
    {
        options.CheckLengths();
        options.CheckLength(sigma.Length, "Sigma");
        output.CheckLengths(options);
        for (var i = 0; i < options.Length; i++)
            output.Set(i, BlackScholes.Greeks<CodyNormal>(options.Right[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i], sigma[i]));
    }

    /// <summary>The implied volatility of each price, NaN with its reason where there is none.</summary>
    public static void ImpliedVolatilities(OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status)
    {
        CheckImpliedColumns(options, price, iv, status);
        for (var i = 0; i < options.Length; i++)
        {
            var result = ImpliedVolatility.Solve(options.Right[i], price[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i]);
            iv[i] = result.Value;
            status[i] = result.Status;
        }
    }

    /// <summary>
    /// The implied volatility of each price and the value and greeks at it; NaN greeks where the price has no
    /// volatility (<paramref name="status"/> says why). The greeks reuse the solve's ln(F/K), √t and e^(rt).
    /// </summary>
    public static void ImpliedGreeks(OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, GreekColumns output)
    {
        CheckImpliedColumns(options, price, iv, status);
        output.CheckLengths(options);
        for (var i = 0; i < options.Length; i++)
        {
            var (right, spot, strike, t, r, q) = (options.Right[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i]);
            var normalised = NormalisedPrice.Of(right, price[i], spot, strike, t, r, q);
            var s = normalised.Failure is null ? ImpliedVolatility.SolveTotal(normalised) : double.NaN;
            status[i] = normalised.Failure ?? (double.IsNaN(s) ? ImpliedVolatilityStatus.NotConverged : ImpliedVolatilityStatus.Solved);
            if (status[i] == ImpliedVolatilityStatus.Solved)
            {
                iv[i] = s / normalised.SqrtT;
                output.Set(i, BlackScholes.GreeksAtSolution<CodyNormal>(right, spot, strike, t, r, q, normalised, s));
            }
            else
            {
                iv[i] = double.NaN;
                output.SetNaN(i);
            }
        }
    }

    private static void CheckImpliedColumns(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status)
    {
        options.CheckLengths();
        options.CheckLength(price.Length, "Price");
        options.CheckLength(iv.Length, "Iv");
        options.CheckLength(status.Length, "Status");
    }
}
