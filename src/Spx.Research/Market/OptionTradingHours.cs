namespace Spx.Research.Market;

/// <summary>
/// When SPX and SPY options trade: from the NYSE open to 15 minutes after the NYSE close — 16:15 ET on a
/// full day, 13:15 ET on an early close (Cboe hours and the NYSE early-close footnote). Expiring contracts
/// stop earlier; see <see cref="OptionTicker.LastTradeInstant"/>.
/// </summary>
public static class OptionTradingHours
{
    /// <summary>How long index and ETF options keep trading after the equity close.</summary>
    public static TimeSpan AfterEquityClose { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The options close of a session: the equity close plus 15 minutes.</summary>
    public static DateTimeOffset Close(MarketSession session) => session.Close + AfterEquityClose;

    /// <summary>The options close on <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException">The NYSE is closed that day.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the calendar's range.</exception>
    public static DateTimeOffset Close(NyseCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Close(calendar.Session(date));
    }
}
