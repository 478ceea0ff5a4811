using Spx.Research.Market;

namespace Spx.Research.Pricing;

/// <summary>
/// The model's time to settlement: calendar minutes to the settlement instant divided by 365·1440
/// (docs/pricing.md, "Time to settlement"). Counting minutes, not dates, keeps a 0DTE option's time value
/// alive all day; counting instants in UTC makes a DST weekend an hour shorter or longer, as it really is.
/// </summary>
public static class YearFraction
{
    /// <summary>Minutes in the model's year: 365 calendar days.</summary>
    public const double MinutesPerYear = 365.0 * 1440.0;

    /// <summary>Years from <paramref name="from"/> to <paramref name="settlement"/>; 0 at or after settlement.</summary>
    public static double Between(DateTimeOffset from, DateTimeOffset settlement) =>
        Math.Max((settlement - from).TotalMinutes, 0) / MinutesPerYear;

    /// <summary>
    /// Years from <paramref name="from"/> to the contract's settlement instant: SPX (AM) the 09:30 ET open of the
    /// expiry session, SPXW and SPY the expiry session's close (16:00 ET, 13:00 on an early close); an expiry on a
    /// closed day moves to the session before (<see cref="OptionTicker.SettlementInstant"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside the calendar's range.</exception>
    public static double ToSettlement(OptionTicker contract, DateTimeOffset from, NyseCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Between(from, contract.SettlementInstant(calendar));
    }
}
