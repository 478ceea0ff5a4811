namespace Spx.Research.Pricing;

/// <summary>
/// Where <see cref="PricingBatch"/> writes, one element per option, in screen units whose names say so
/// (docs/pricing.md, "Units of the greeks"): theta per calendar day, vega and rho per point.
/// </summary>
public readonly ref struct GreekColumns(
    Span<double> Price,
    Span<double> Delta,
    Span<double> Gamma,
    Span<double> ThetaPerDay,
    Span<double> VegaPerPoint,
    Span<double> RhoPerPoint)
{
    public Span<double> Price { get; } = Price;
    public Span<double> Delta { get; } = Delta;
    public Span<double> Gamma { get; } = Gamma;
    public Span<double> ThetaPerDay { get; } = ThetaPerDay;
    public Span<double> VegaPerPoint { get; } = VegaPerPoint;
    public Span<double> RhoPerPoint { get; } = RhoPerPoint;

    /// <summary>Writes option <paramref name="i"/>'s value and greeks, converting to screen units.</summary>
    internal void Set(int i, in OptionGreeks greeks)
    {
        Price[i] = greeks.Price;
        Delta[i] = greeks.Delta;
        Gamma[i] = greeks.Gamma;
        ThetaPerDay[i] = greeks.ThetaPerDay;
        VegaPerPoint[i] = greeks.VegaPerPoint;
        RhoPerPoint[i] = greeks.RhoPerPoint;
    }

    /// <summary>NaN for option <paramref name="i"/>: no volatility, so no greeks.</summary>
    internal void SetNaN(int i) => Set(i, new OptionGreeks(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));

    internal void CheckLengths(in OptionColumns options)
    {
        options.CheckLength(Price.Length, nameof(Price));
        options.CheckLength(Delta.Length, nameof(Delta));
        options.CheckLength(Gamma.Length, nameof(Gamma));
        options.CheckLength(ThetaPerDay.Length, nameof(ThetaPerDay));
        options.CheckLength(VegaPerPoint.Length, nameof(VegaPerPoint));
        options.CheckLength(RhoPerPoint.Length, nameof(RhoPerPoint));
    }
}
