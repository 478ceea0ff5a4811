namespace Spx.Research.Polygon.Rest;

/// <summary>
/// One contract of an option chain snapshot (<c>/v3/snapshot/options/{underlying}</c>). Most parts depend on the
/// plan: quotes and trades only with plans that include them, greeks absent or <c>{}</c> deep in the money.
/// </summary>
public sealed record OptionContractSnapshot
{
    public double? BreakEvenPrice { get; init; }

    public DaySummary? Day { get; init; }

    public ContractDetails? Details { get; init; }

    /// <summary>Null when absent; all-null members when the server sent <c>{}</c>.</summary>
    public SnapshotGreeks? Greeks { get; init; }

    public double? ImpliedVolatility { get; init; }

    public double? OpenInterest { get; init; }

    public LastQuote? LastQuote { get; init; }

    public LastTrade? LastTrade { get; init; }

    public UnderlyingAsset? UnderlyingAsset { get; init; }

    /// <summary>Fair market value (Business plans only).</summary>
    public double? Fmv { get; init; }
}
