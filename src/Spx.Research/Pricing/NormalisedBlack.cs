namespace Spx.Research.Pricing;

/// <summary>
/// The normalised Black price of an out-of-the-money option, b(x, s) = e^(x/2)·N(x/s + s/2) − e^(−x/2)·N(x/s − s/2)
/// with x = ln(F/K) ≤ 0 and s = σ√t, and its derivatives in s: the function the implied-volatility solver inverts
/// (Jäckel, "Let's Be Rational", 2015). Every option reduces to it, so the solver has one shape to handle.
/// </summary>
internal static class NormalisedBlack
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;

    /// <summary>b(x, s).</summary>
    public static double Price(double x, double s)
    {
        var d1 = x / s + 0.5 * s;
        return Math.Exp(0.5 * x) * NormalDistribution.Cdf(d1) - Math.Exp(-0.5 * x) * NormalDistribution.Cdf(d1 - s);
    }

    /// <summary>
    /// e^(x/2) − b(x, s), written as a sum so it keeps its precision at high volatility, where b nears its bound.
    /// </summary>
    public static double Complement(double x, double s)
    {
        var d1 = x / s + 0.5 * s;
        return Math.Exp(0.5 * x) * NormalDistribution.Cdf(-d1) + Math.Exp(-0.5 * x) * NormalDistribution.Cdf(d1 - s);
    }

    /// <summary>∂b/∂s = φ(x/s)·e^(−s²/8) (normalised vega).</summary>
    public static double Vega(double x, double s) => InvSqrt2Pi * Math.Exp(-0.5 * (x * x / (s * s) + 0.25 * s * s));

    /// <summary>b''/b' = x²/s³ − s/4.</summary>
    public static double SecondOverFirst(double x, double s) => x * x / (s * s * s) - 0.25 * s;

    /// <summary>b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4.</summary>
    public static double ThirdOverFirst(double x, double s)
    {
        var h2 = SecondOverFirst(x, s);
        return h2 * h2 - 3 * x * x / (s * s * s * s) - 0.25;
    }
}
