namespace Spx.Research.Pricing;

/// <summary>
/// Solves b(x, s) = β for the total volatility s = σ√t of an out-of-the-money option (x ≤ 0): a first guess
/// from <see cref="BlackRegions"/>, then third-order Householder steps on the region's objective, kept inside a
/// bracket that each evaluation narrows (a step that leaves it is replaced by bisection).
/// </summary>
internal static class TotalVolatilitySolver
{
    internal const int MaxIterations = 32;

    /// <summary>The s with b(x, s) = β, or NaN when the steps do not settle to <paramref name="tolerance"/>.</summary>
    public static double Solve(double x, double beta, double tolerance) => Solve(x, beta, tolerance, out _);

    /// <summary>As <see cref="Solve(double, double, double)"/>, also saying how many evaluations of b it took.</summary>
    public static double Solve(double x, double beta, double tolerance, out int evaluations)
    {
        var curve = new NormalisedBlack(x);
        var regions = new BlackRegions(curve, beta);
        var (region, low, high) = (regions.Region, regions.Low, regions.High);
        var s = regions.Guess > 0 && regions.Guess >= low && regions.Guess <= high ? regions.Guess : Inside(double.NaN, low, high);
        var betaComplement = curve.Max - beta;
        for (evaluations = 1; evaluations <= MaxIterations; evaluations++)
        {
            var step = Step(region, curve, s, beta, betaComplement, out var below);
            if (Math.Abs(step) <= tolerance) return s + step;
            if (below) low = s;
            else high = s;
            if (high - low <= tolerance) return 0.5 * (low + high);

            var next = s + step;
            s = next > low && next < high ? next : Inside(double.NaN, low, high);
        }

        return double.NaN;
    }

    /// <summary>
    /// One Householder step Δ = ν(1 + ν·g2/2) / (1 + ν(g2 + ν·g3/6)), with ν = −f/f', g2 = f''/f', g3 = f'''/f',
    /// for f = F(b(s)) − F(β) and F the region's transform; <paramref name="below"/> says whether b(s) &lt; β.
    /// </summary>
    private static double Step(BlackRegion region, in NormalisedBlack curve, double s, double beta, double betaComplement, out bool below)
    {
        var vega = curve.Vega(s);
        var h2 = curve.SecondOverFirst(s);
        var h3 = curve.ThirdOverFirst(s);
        double nu, g2, g3;
        if (region == BlackRegion.Upper)
        {
            var c = curve.Complement(s);
            below = c > betaComplement;
            (nu, g2, g3) = UpperTerms(Math.Log(betaComplement / c), vega / c, h2, h3);
        }
        else
        {
            var b = curve.Price(s);
            below = b < beta;
            (nu, g2, g3) = region == BlackRegion.Middle
                ? (-(b - beta) / vega, h2, h3)
                : LowerTerms(Math.Log(b), Math.Log(beta), vega / b, h2, h3);
        }

        return nu * (1 + 0.5 * g2 * nu) / (1 + nu * (g2 + g3 * nu / 6));
    }

    /// <summary>
    /// ν, g2 and g3 for f = 1/ln b − 1/ln β, written with w = b'/b and L = ln b so that no power of a tiny b is ever
    /// formed (1e-300 is a valid normalised price; its cube is not a double).
    /// </summary>
    private static (double Nu, double G2, double G3) LowerTerms(double l, double logBeta, double w, double h2, double h3)
    {
        var f = 1 / l - 1 / logBeta;
        var nu = f * l * l / w;
        var g2 = h2 - (l + 2) * w / l;
        var g3 = 2 * (l * l + 3 * l + 3) * w * w / (l * l) - 3 * (l + 2) * h2 * w / l + h3;
        return (nu, g2, g3);
    }

    /// <summary>ν, g2 and g3 for f = ln(bmax − β) − ln(bmax − b), with w = b'/(bmax − b).</summary>
    private static (double Nu, double G2, double G3) UpperTerms(double f, double w, double h2, double h3) =>
        (-f / w, w + h2, 2 * w * w + 3 * h2 * w + h3);

    /// <summary><paramref name="guess"/> when it lies strictly inside the bracket, else its middle (double the low end when open above).</summary>
    private static double Inside(double guess, double low, double high)
    {
        if (guess > low && guess < high) return guess;
        return double.IsPositiveInfinity(high) ? Math.Max(2 * low, 1e-3) : 0.5 * (low + high);
    }
}
