namespace Spx.Research.Market;

/// <summary>
/// The NYSE's recurring full-day holidays (NYSE Rule 7.2) as rules, valid for 1990 onward. History that
/// matters inside that range is encoded as exchange_calendars' XNYS calendar does: Martin Luther King Jr.
/// Day only from 1998, Juneteenth only from 2022, and no New Year's holiday when January 1 is a Saturday
/// (the exchange does not close on the Friday before, unlike the federal rule). Older rules (Washington's
/// Birthday on Feb 22, Election Day, …) ended before 1990 and are deliberately absent.
/// </summary>
internal static class NyseHolidayRules
{
    internal const string NewYearsDay = "New Year's Day";
    internal const string MartinLutherKingDay = "Martin Luther King Jr. Day";
    internal const string WashingtonsBirthday = "Washington's Birthday";
    internal const string GoodFriday = "Good Friday";
    internal const string MemorialDay = "Memorial Day";
    internal const string Juneteenth = "Juneteenth National Independence Day";
    internal const string IndependenceDay = "Independence Day";
    internal const string LaborDay = "Labor Day";
    internal const string Thanksgiving = "Thanksgiving Day";
    internal const string Christmas = "Christmas Day";

    /// <summary>The weekday holidays of <paramref name="year"/>, in date order.</summary>
    internal static IEnumerable<MarketHoliday> For(int year)
    {
        var newYear = new DateOnly(year, 1, 1);
        switch (newYear.DayOfWeek)
        {
            case DayOfWeek.Sunday:
                yield return MarketHoliday.Closed(newYear.AddDays(1), NewYearsDay);
                break;
            case DayOfWeek.Saturday:
                break; // NYSE Rule 7.2: no holiday, Dec 31 of the year before trades normally.
            default:
                yield return MarketHoliday.Closed(newYear, NewYearsDay);
                break;
        }

        if (year >= 1998)
        {
            yield return MarketHoliday.Closed(DateRules.NthWeekday(year, 1, DayOfWeek.Monday, 3), MartinLutherKingDay);
        }

        yield return MarketHoliday.Closed(DateRules.NthWeekday(year, 2, DayOfWeek.Monday, 3), WashingtonsBirthday);
        yield return MarketHoliday.Closed(Easter.Sunday(year).AddDays(-2), GoodFriday);
        yield return MarketHoliday.Closed(DateRules.LastWeekday(year, 5, DayOfWeek.Monday), MemorialDay);

        if (year >= 2022)
        {
            yield return MarketHoliday.Closed(DateRules.NearestWeekday(new DateOnly(year, 6, 19)), Juneteenth);
        }

        yield return MarketHoliday.Closed(DateRules.NearestWeekday(new DateOnly(year, 7, 4)), IndependenceDay);
        yield return MarketHoliday.Closed(DateRules.NthWeekday(year, 9, DayOfWeek.Monday, 1), LaborDay);
        yield return MarketHoliday.Closed(ThanksgivingDay(year), Thanksgiving);
        yield return MarketHoliday.Closed(DateRules.NearestWeekday(new DateOnly(year, 12, 25)), Christmas);
    }

    /// <summary>Fourth Thursday of November; the early-close rules need it too.</summary>
    internal static DateOnly ThanksgivingDay(int year) => DateRules.NthWeekday(year, 11, DayOfWeek.Thursday, 4);
}
