namespace Spx.Research.Market;

/// <summary>Which index or share price an expiring option settles against, and so when it stops trading.</summary>
public enum SettlementTiming
{
    /// <summary>
    /// Settles on the Special Opening Quotation (SET) from the opening prices on expiry morning; the option
    /// itself last trades at the options close of the business day before (standard 3rd-Friday SPX).
    /// </summary>
    AmSettled,

    /// <summary>Settles on the closing price of the expiry day and trades until that close (SPXW, SPY).</summary>
    PmSettled,
}
