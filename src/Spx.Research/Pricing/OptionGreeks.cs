namespace Spx.Research.Pricing;

/// <summary>
/// A European option's value and first-order sensitivities in model units: theta per year, vega and rho
/// per 1.0 of volatility or rate. Screens quote theta per calendar day and vega per vol point; use
/// <see cref="ThetaPerDay"/> and <see cref="VegaPerPoint"/> for those, so the convention is in the name.
/// </summary>
public readonly record struct OptionGreeks(double Price, double Delta, double Gamma, double Theta, double Vega, double Rho)
{
    /// <summary>Theta per calendar day (annual theta / 365), the broker and Polygon convention.</summary>
    public double ThetaPerDay => Theta / 365.0;

    /// <summary>Vega per one volatility point (per 0.01 of σ).</summary>
    public double VegaPerPoint => Vega / 100.0;

    /// <summary>Rho per one percentage point of the rate (per 0.01 of r).</summary>
    public double RhoPerPoint => Rho / 100.0;
}
