namespace Spx.Research.Pricing;

/// <summary>Which part of the normalised Black curve a price falls in; each has its own objective (see <see cref="BlackRegions"/>).</summary>
internal enum BlackRegion
{
    /// <summary>Below the lower tangent point: solve 1/ln b(s) = 1/ln β, nearly linear where b is tiny.</summary>
    Lower,

    /// <summary>Between the tangent points: solve b(s) = β directly.</summary>
    Middle,

    /// <summary>Above the upper tangent point: solve ln(bmax − b(s)) = ln(bmax − β), nearly linear near the bound.</summary>
    Upper,
}

/// <summary>
/// Where a normalised price β sits on b(·), after Jäckel ("Let's Be Rational", section 3): the inflection point
/// s_c = √(2|x|) and the points where its tangent meets b = 0 and b = bmax split the curve into three regions.
/// Gives the region, its bracket and a first guess that the Householder steps then polish. Only the landmarks the
/// price needs are evaluated: the centre, then the lower or the upper tangent point.
/// </summary>
internal readonly struct BlackRegions
{
    public BlackRegions(in NormalisedBlack curve, double beta)
    {
        var centreS = Math.Sqrt(-2 * curve.X);
        var centreB = centreS > 0 ? curve.Price(centreS) : 0;
        var slope = curve.VegaAtInflection;
        if (beta < centreB)
        {
            var lowS = Math.Max(centreS - centreB / slope, 0);
            var lowB = lowS > 0 ? curve.Price(lowS) : 0;
            Region = beta < lowB ? BlackRegion.Lower : BlackRegion.Middle;
            (Low, High) = Region == BlackRegion.Lower ? (0, lowS) : (lowS, centreS);
            Guess = Region == BlackRegion.Lower
                ? LowerGuess(curve.X, beta, lowS, lowB)
                : lowS + (centreS - lowS) * (beta - lowB) / (centreB - lowB);
        }
        else
        {
            var highS = centreS + (curve.Max - centreB) / slope;
            var highComplement = curve.Complement(highS);
            var highB = curve.Max - highComplement;
            Region = beta <= highB ? BlackRegion.Middle : BlackRegion.Upper;
            (Low, High) = Region == BlackRegion.Middle ? (centreS, highS) : (highS, double.PositiveInfinity);
            Guess = Region == BlackRegion.Middle
                ? centreS + (highS - centreS) * (beta - centreB) / (highB - centreB)
                : Math.Sqrt(highS * highS + 8 * Math.Log(highComplement / (curve.Max - beta)));
        }
    }

    /// <summary>The region β falls in.</summary>
    public BlackRegion Region { get; }

    /// <summary>The bracket of the root in that region: (Low, High).</summary>
    public double Low { get; }

    /// <inheritdoc cref="Low"/>
    public double High { get; }

    /// <summary>
    /// The first guess: the tail asymptote at the bottom (<see cref="LowerGuess"/>), straight lines through the
    /// landmarks in the middle, bmax − b ≈ e^(−s²/8) at the top.
    /// </summary>
    public double Guess { get; }

    /// <summary>
    /// Far below the tangent point both normal tails are in their asymptote, b ≈ e^(−x²/2s² − s²/8)·s³/(x²√(2π)):
    /// two fixed-point passes of s = |x| / √(2(ln(s³/(x²√(2π))) − s²/8 − ln β)) from s = |x|/√(−2 ln β).
    /// </summary>
    private static double LowerGuess(double x, double beta, double lowS, double lowB)
    {
        var logBeta = Math.Log(beta);
        var s = Math.Abs(x) / Math.Sqrt(-2 * logBeta);
        for (var pass = 0; pass < 2; pass++)
        {
            var rest = 3 * Math.Log(s) - 2 * Math.Log(Math.Abs(x)) - 0.918938533204672742 - 0.125 * s * s - logBeta;
            if (!(rest > 0)) break;
            s = Math.Abs(x) / Math.Sqrt(2 * rest);
        }

        return s < lowS ? s : lowS * Math.Sqrt(Math.Log(lowB) / logBeta);
    }
}
