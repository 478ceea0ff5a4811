using Spx.Research.Market;

namespace Spx.Research.Pricing;

/// <summary>
/// Flags American options (SPY) whose European value misses an early-exercise premium that matters
/// (docs/pricing.md, "SPY: early exercise"). The rule is deliberately simple: exercising now pays more than the
/// European value — a deep in-the-money put when rates are positive (K − S above the European put), or a deep
/// in-the-money call when the yield stands in for a coming dividend (S − K above the European call). Such a row's
/// European price, IV and greeks understate the American contract; it is shown flagged, not hidden.
/// </summary>
public static class EarlyExercise
{
    /// <summary>True when exercising now is worth more than the European value of the same contract.</summary>
    public static bool Matters(OptionRight right, double europeanPrice, double spot, double strike)
    {
        var exerciseValue = right == OptionRight.Put ? strike - spot : spot - strike;
        return exerciseValue > 0 && exerciseValue > europeanPrice;
    }

    /// <summary>The same test at volatility <paramref name="sigma"/>: prices the European option first.</summary>
    public static bool Matters(OptionRight right, double spot, double strike, double t, double r, double q, double sigma) =>
        Matters(right, BlackScholes.Price(right, spot, strike, t, r, q, sigma), spot, strike);
}
