namespace Spx.Research.Market;

/// <summary>
/// When a contract stops trading and when it settles, from its style and the NYSE calendar.
/// </summary>
/// <remarks>
/// Conventions (Cboe SPX specification; NYSE early-close footnote):
/// <list type="bullet">
/// <item>An expiry that falls on an exchange holiday moves to the previous session (e.g. SPX monthlies
/// whose third Friday is Good Friday expire on the Thursday): <see cref="EffectiveExpiry"/>.</item>
/// <item>AM-settled (SPX): last trade at the options close (16:15 ET, 13:15 on an early close) of the
/// session before the effective expiry; settlement at the 09:30 ET open of the effective expiry (SET).</item>
/// <item>PM-settled (SPXW, and SPY and other equity/ETF roots): on the effective expiry the contract
/// stops at the NYSE close (16:00 ET, 13:00 on an early close), not at the 16:15 options close, and
/// settles on that close. For SPY the instant is the closing price that decides exercise.</item>
/// <item>Before its last trading day a contract trades to the options close, <see cref="OptionTradingHours"/>.</item>
/// </list>
/// Every method takes the calendar to use (default <see cref="NyseCalendar.Default"/>), so extra closures
/// fetched from the API move expiries too.
/// </remarks>
public sealed partial class OptionTicker
{
    /// <summary>The expiry session: <see cref="Expiry"/>, or the session before it if the NYSE is closed that day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside the calendar's range.</exception>
    public DateOnly EffectiveExpiry(NyseCalendar? calendar = null) => ExpirySession(calendar ?? NyseCalendar.Default).Date;

    /// <summary>The last session the contract trades in: the day before expiry for AM-settled, else the expiry day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside the calendar's range.</exception>
    public DateOnly LastTradeDate(NyseCalendar? calendar = null) => LastTradingSession(calendar ?? NyseCalendar.Default).Date;

    /// <summary>The instant trading in the contract ends (UTC).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside the calendar's range.</exception>
    public DateTimeOffset LastTradeInstant(NyseCalendar? calendar = null)
    {
        calendar ??= NyseCalendar.Default;
        return Style.Timing == SettlementTiming.AmSettled
            ? OptionTradingHours.Close(LastTradingSession(calendar))
            : ExpirySession(calendar).Close;
    }

    /// <summary>The instant whose prices settle the contract (UTC): the expiry open for AM, the expiry close for PM.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is outside the calendar's range.</exception>
    public DateTimeOffset SettlementInstant(NyseCalendar? calendar = null)
    {
        calendar ??= NyseCalendar.Default;
        var expiry = ExpirySession(calendar);
        return Style.Timing == SettlementTiming.AmSettled ? expiry.Open : expiry.Close;
    }

    /// <summary>
    /// When the contract stops trading on <paramref name="date"/>: the options close on ordinary days, the
    /// <see cref="LastTradeInstant"/> on its last day, null when the NYSE is closed or the contract has expired.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the calendar's range.</exception>
    public DateTimeOffset? TradingClose(DateOnly date, NyseCalendar? calendar = null)
    {
        calendar ??= NyseCalendar.Default;
        if (calendar.GetSession(date) is not { } session)
        {
            return null;
        }

        var lastDate = LastTradeDate(calendar);
        if (date > lastDate)
        {
            return null;
        }

        return date == lastDate ? LastTradeInstant(calendar) : OptionTradingHours.Close(session);
    }

    private MarketSession ExpirySession(NyseCalendar calendar) => calendar.SessionOnOrBefore(Expiry);

    private MarketSession LastTradingSession(NyseCalendar calendar)
    {
        var expiry = ExpirySession(calendar);
        return Style.Timing == SettlementTiming.AmSettled ? calendar.PreviousSession(expiry.Date) : expiry;
    }
}
