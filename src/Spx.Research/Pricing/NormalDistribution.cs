using MathNet.Numerics;

namespace Spx.Research.Pricing;

/// <summary>The standard normal density and distribution function, to full double precision.</summary>
/// <remarks>
/// The CDF goes through <c>erfc</c> rather than <c>1 - erf</c> so far-out-of-the-money tails keep their
/// relative precision (N(-10) ≈ 7.6e-24 instead of 0).
/// </remarks>
public static class NormalDistribution
{
    private const double InvSqrt2Pi = 0.398942280401432677939946059934;

    /// <summary>φ(x) = e^(−x²/2)/√(2π).</summary>
    public static double Pdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>N(x) = P(Z ≤ x) for a standard normal Z.</summary>
    public static double Cdf(double x) => 0.5 * SpecialFunctions.Erfc(-x / Constants.Sqrt2);
}
