namespace Spx.Research.Configuration;

/// <summary>
/// The rate and yields the pricing engine uses when the data gives none (docs/pricing.md): consolidation's IVs
/// and greeks, and SPX when no put-call-parity forward is available. Continuously compounded, annual.
/// </summary>
public sealed record PricingSettings
{
    /// <summary>The risk-free rate r (0.043 = 4.3 %).</summary>
    public double Rate { get; init; } = 0.043;

    /// <summary>The SPX dividend yield q, used when no implied forward is at hand.</summary>
    public double SpxYield { get; init; } = 0.013;

    /// <summary>The SPY dividend yield q (SPY's quarterly dividends as a continuous yield).</summary>
    public double SpyYield { get; init; } = 0.013;
}
