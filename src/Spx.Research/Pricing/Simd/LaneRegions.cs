using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="BlackRegions"/> over lanes: the region of each lane's β as two masks (neither is the middle), its
/// bracket and first guess. Every lane evaluates the centre and one landmark (the lower tangent point below the
/// centre, the upper one above); a guess formula runs only when some lane needs it.
/// </summary>
internal readonly struct LaneRegions<T> where T : struct, ILanes<T>
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public LaneRegions(in LaneBlack<T> curve, T beta)
    {
        var zero = T.Create(0);
        var centreS = T.Sqrt(-2 * curve.X);
        var atCentre = T.GreaterThan(centreS, zero);
        curve.Evaluate(T.Select(atCentre, centreS, T.Create(1)), out var centrePrice, out _, out _);
        var centreB = T.Select(atCentre, centrePrice, zero);
        var slope = curve.VegaAtInflection;
        var below = T.LessThan(beta, centreB);

        var lowS = T.Max(centreS - centreB / slope, zero);
        var highS = centreS + (curve.Max - centreB) / slope;
        var landmarkS = T.Select(below, lowS, highS);
        var atLandmark = T.GreaterThan(landmarkS, zero);
        curve.Evaluate(T.Select(atLandmark, landmarkS, T.Create(1)), out var landmarkPrice, out var highComplement, out _);
        var lowB = T.Select(atLandmark, landmarkPrice, zero);
        var highB = curve.Max - highComplement;

        Lower = below & T.LessThan(beta, lowB);
        Upper = T.AndNot(T.GreaterThan(beta, highB), below);
        Low = T.Select(below, T.Select(Lower, zero, lowS), T.Select(Upper, highS, centreS));
        High = T.Select(below, T.Select(Lower, lowS, centreS), T.Select(Upper, T.Create(double.PositiveInfinity), highS));

        var middleBelow = lowS + (centreS - lowS) * (beta - lowB) / (centreB - lowB);
        var middleAbove = centreS + (highS - centreS) * (beta - centreB) / (highB - centreB);
        var guess = T.Select(below, middleBelow, middleAbove);
        LogBeta = T.Any(Lower) ? T.Log(beta) : T.Create(double.NaN);
        if (T.Any(Lower)) guess = T.Select(Lower, LowerGuess(curve.X, LogBeta, lowS, lowB), guess);
        if (T.Any(Upper)) guess = T.Select(Upper, T.Sqrt(highS * highS + 8 * T.Log(highComplement / (curve.Max - beta))), guess);
        Guess = guess;
    }

    /// <summary>Lanes whose β lies below the lower tangent point.</summary>
    public T Lower { get; }

    /// <summary>Lanes whose β lies above the upper tangent point.</summary>
    public T Upper { get; }

    /// <summary>The bracket of each lane's root.</summary>
    public T Low { get; }

    /// <inheritdoc cref="Low"/>
    public T High { get; }

    /// <summary>Each lane's first guess, as <see cref="BlackRegions.Guess"/>.</summary>
    public T Guess { get; }

    /// <summary>ln β, which the lower region's guess and objective need; computed only when some lane is in it.</summary>
    public T LogBeta { get; }

    /// <summary>As <see cref="BlackRegions"/>' lower guess: two fixed-point passes on the tail asymptote, a lane stopping at its first pass without a positive rest.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T LowerGuess(T x, T logBeta, T lowS, T lowB)
    {
        var absX = T.Abs(x);
        var logAbsX = T.Log(absX);
        var s = absX / T.Sqrt(-2 * logBeta);
        var going = T.True;
        for (var pass = 0; pass < 2; pass++)
        {
            var rest = 3 * T.Log(s) - 2 * logAbsX - 0.918938533204672742 - 0.125 * s * s - logBeta;
            going &= T.GreaterThan(rest, T.Create(0));
            s = T.Select(going, absX / T.Sqrt(2 * rest), s);
        }

        return T.Select(T.LessThan(s, lowS), s, lowS * T.Sqrt(T.Log(lowB) / logBeta));
    }
}
