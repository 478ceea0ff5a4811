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
/// The landmarks of b(x, ·) for one x ≤ 0, after Jäckel ("Let's Be Rational", section 3): the inflection point
/// s_c = √(2|x|) and the two points where its tangent meets b = 0 and b = bmax. They split the curve into three
/// regions, give the bracket of each, and anchor a first guess that the Householder steps then polish.
/// </summary>
internal readonly struct BlackRegions
{
    public BlackRegions(double x)
    {
        Max = Math.Exp(0.5 * x);
        CentreS = Math.Sqrt(-2 * x);
        CentreB = CentreS > 0 ? NormalisedBlack.Price(x, CentreS) : 0;
        var slope = CentreS > 0 ? NormalisedBlack.Vega(x, CentreS) : NormalisedBlack.Vega(0, 1e-100);
        LowS = Math.Max(CentreS - CentreB / slope, 0);
        LowB = LowS > 0 ? NormalisedBlack.Price(x, LowS) : 0;
        HighS = CentreS + (Max - CentreB) / slope;
        HighComplement = NormalisedBlack.Complement(x, HighS);
        HighB = Max - HighComplement;
    }

    /// <summary>bmax = e^(x/2), the bound b approaches as s grows.</summary>
    public double Max { get; }

    public double LowS { get; }
    public double LowB { get; }
    public double CentreS { get; }
    public double CentreB { get; }
    public double HighS { get; }
    public double HighB { get; }
    public double HighComplement { get; }

    public BlackRegion Classify(double beta) =>
        beta < LowB ? BlackRegion.Lower : beta <= HighB ? BlackRegion.Middle : BlackRegion.Upper;

    /// <summary>
    /// A first guess from the landmarks: the tail asymptote at the bottom (<see cref="LowerGuess"/>); straight lines
    /// through the landmarks in the middle; bmax − b ≈ e^(−s²/8) at the top.
    /// </summary>
    public double Guess(BlackRegion region, double beta, double x) => region switch
    {
        BlackRegion.Lower => LowerGuess(x, beta),
        BlackRegion.Middle when beta < CentreB => LowS + (CentreS - LowS) * (beta - LowB) / (CentreB - LowB),
        BlackRegion.Middle => CentreS + (HighS - CentreS) * (beta - CentreB) / (HighB - CentreB),
        _ => Math.Sqrt(HighS * HighS + 8 * Math.Log(HighComplement / (Max - beta))),
    };

    /// <summary>
    /// Far below the tangent point both normal tails are in their asymptote, b ≈ e^(−x²/2s² − s²/8)·s³/(x²√(2π)):
    /// two fixed-point passes of s = |x| / √(2(ln(s³/(x²√(2π))) − s²/8 − ln β)) from s = |x|/√(−2 ln β).
    /// </summary>
    private double LowerGuess(double x, double beta)
    {
        var logBeta = Math.Log(beta);
        var s = Math.Abs(x) / Math.Sqrt(-2 * logBeta);
        for (var pass = 0; pass < 2; pass++)
        {
            var rest = 3 * Math.Log(s) - 2 * Math.Log(Math.Abs(x)) - 0.918938533204672742 - 0.125 * s * s - logBeta;
            if (!(rest > 0)) break;
            s = Math.Abs(x) / Math.Sqrt(2 * rest);
        }

        return s < LowS ? s : LowS * Math.Sqrt(Math.Log(LowB) / logBeta);
    }

    /// <summary>The interval the root lies in for a price in <paramref name="region"/>.</summary>
    public (double Low, double High) Bracket(BlackRegion region) => region switch
    {
        BlackRegion.Lower => (0, LowS),
        BlackRegion.Middle => (LowS, HighS),
        _ => (HighS, double.PositiveInfinity),
    };
}
