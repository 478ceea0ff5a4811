namespace Spx.Research.Pricing;

/// <summary>
/// The normalised Black price of an out-of-the-money option as a function of s = σ√t, for one x = ln(F/K) ≤ 0:
/// b(s) = e^(x/2)·N(x/s + s/2) − e^(−x/2)·N(x/s − s/2), and its derivatives in s. It is what the implied-volatility
/// solver inverts (Jäckel, "Let's Be Rational", 2015): every option reduces to it, so the solver has one shape to
/// handle. e^(±x/2) are computed once per curve, not once per evaluation.
/// </summary>
internal readonly struct NormalisedBlack
{
    internal const double InvSqrt2Pi = 0.398942280401432677939946059934;

    public NormalisedBlack(double x)
    {
        X = x;
        Max = Math.Exp(0.5 * x);
        InverseMax = 1 / Max;
    }

    /// <summary>x = ln(F/K) ≤ 0.</summary>
    public double X { get; }

    /// <summary>bmax = e^(x/2), the bound b approaches as s grows.</summary>
    public double Max { get; }

    /// <summary>e^(−x/2).</summary>
    public double InverseMax { get; }

    /// <summary>b(s).</summary>
    public double Price(double s)
    {
        var d1 = X / s + 0.5 * s;
        return Max * CodyNormal.Cdf(d1) - InverseMax * CodyNormal.Cdf(d1 - s);
    }

    /// <summary>bmax − b(s), written as a sum so it keeps its precision at high volatility, where b nears its bound.</summary>
    public double Complement(double s)
    {
        var d1 = X / s + 0.5 * s;
        return Max * CodyNormal.Cdf(-d1) + InverseMax * CodyNormal.Cdf(d1 - s);
    }

    /// <summary>b'(s) = e^(−(x²/s² + s²/4)/2)/√(2π) (normalised vega).</summary>
    public double Vega(double s) => InvSqrt2Pi * Math.Exp(-0.5 * (X * X / (s * s) + 0.25 * s * s));

    /// <summary>b'(s) at the inflection point s = √(2|x|), where the exponent is x/2: e^(x/2)/√(2π).</summary>
    public double VegaAtInflection => InvSqrt2Pi * Max;

    /// <summary>b''/b' = x²/s³ − s/4.</summary>
    public double SecondOverFirst(double s) => X * X / (s * s * s) - 0.25 * s;

    /// <summary>b'''/b' = (b''/b')² − 3x²/s⁴ − 1/4.</summary>
    public double ThirdOverFirst(double s)
    {
        var h2 = SecondOverFirst(s);
        return h2 * h2 - 3 * X * X / (s * s * s * s) - 0.25;
    }
}
