namespace Spx.Research.Market;

/// <summary>
/// One-off NYSE closures and early closes since 1990: events, not rules, so they are data. The list
/// matches exchange_calendars' XNYS ad-hoc lists (national days of mourning, September 11, Hurricane
/// Sandy, and its three ad-hoc 13:00 closes) plus the 2025-01-09 Carter closure (NYSE notice, LEAN).
/// Future one-offs arrive through <see cref="NyseCalendar.WithExtraHolidays"/> from the market-status API.
/// </summary>
internal static class NyseAdHocDays
{
    internal static readonly IReadOnlyList<MarketHoliday> Closures =
    [
        MarketHoliday.Closed(new DateOnly(1994, 4, 27), "National Day of Mourning: President Richard Nixon"),
        MarketHoliday.Closed(new DateOnly(2001, 9, 11), "September 11 attacks"),
        MarketHoliday.Closed(new DateOnly(2001, 9, 12), "September 11 attacks"),
        MarketHoliday.Closed(new DateOnly(2001, 9, 13), "September 11 attacks"),
        MarketHoliday.Closed(new DateOnly(2001, 9, 14), "September 11 attacks"),
        MarketHoliday.Closed(new DateOnly(2004, 6, 11), "National Day of Mourning: President Ronald Reagan"),
        MarketHoliday.Closed(new DateOnly(2007, 1, 2), "National Day of Mourning: President Gerald Ford"),
        MarketHoliday.Closed(new DateOnly(2012, 10, 29), "Hurricane Sandy"),
        MarketHoliday.Closed(new DateOnly(2012, 10, 30), "Hurricane Sandy"),
        MarketHoliday.Closed(new DateOnly(2018, 12, 5), "National Day of Mourning: President George H. W. Bush"),
        MarketHoliday.Closed(new DateOnly(2025, 1, 9), "National Day of Mourning: President Jimmy Carter"),
    ];

    /// <summary>
    /// Early closes no rule produces. Two are a Friday Dec 26 after a Thursday Christmas; the same situation
    /// in 2008, 2014 and 2025 was a full day, so no rule covers it. 1999-12-31 is XNYS's Y2K eve entry
    /// (LEAN's database, which starts its early closes in late 1999, does not list it).
    /// </summary>
    internal static readonly IReadOnlyList<MarketHoliday> EarlyCloses =
    [
        MarketHoliday.EarlyClose(new DateOnly(1997, 12, 26), "Day after Christmas (early close)", NyseEarlyCloseRules.OnePm),
        MarketHoliday.EarlyClose(new DateOnly(1999, 12, 31), "New Year's Eve 1999 (early close)", NyseEarlyCloseRules.OnePm),
        MarketHoliday.EarlyClose(new DateOnly(2003, 12, 26), "Day after Christmas (early close)", NyseEarlyCloseRules.OnePm),
    ];
}
