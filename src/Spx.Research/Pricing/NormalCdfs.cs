namespace Spx.Research.Pricing;

/// <summary>
/// A choice of normal CDF as a type, so one Black-Scholes formula serves two CDFs with no call overhead (the JIT
/// compiles each struct's version apart): MathNet's for <see cref="BlackScholes"/>'s public API, which keeps the
/// synthetic market byte for byte the same, and Cody's for the batch kernels and the IV solver, which is faster (docs/benchmarks.md).
/// </summary>
internal interface INormalCdf
{
    static abstract double Cdf(double x);
}

/// <summary>N(x) through MathNet's erfc (<see cref="NormalDistribution.Cdf"/>).</summary>
internal readonly struct MathNetNormal : INormalCdf
{
    public static double Cdf(double x) => NormalDistribution.Cdf(x);
}

/// <summary>N(x) through Cody's erfc (<see cref="CodyErfc"/>).</summary>
internal readonly struct CodyNormal : INormalCdf
{
    internal const double InvSqrt2 = 0.707106781186547524400844362105;

    public static double Cdf(double x) => 0.5 * CodyErfc.Erfc(-x * InvSqrt2);
}
