namespace Spx.Research.Market;

/// <summary>What changes hands at exercise.</summary>
public enum SettlementMethod
{
    /// <summary>The intrinsic value in cash (SPX, SPXW: $100 × index points).</summary>
    Cash,

    /// <summary>Shares of the underlying (SPY: 100 shares per contract).</summary>
    Physical,
}
