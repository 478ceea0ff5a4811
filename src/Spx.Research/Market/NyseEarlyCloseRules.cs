namespace Spx.Research.Market;

/// <summary>
/// The NYSE's recurring early closes, as exchange_calendars' XNYS encodes them for 1990 onward:
/// <list type="bullet">
/// <item>July 3 when it is a Monday, Tuesday or Thursday, from 1995; also a Wednesday from 2013.</item>
/// <item>July 5 when it is a Friday, 1995–2012 (the Thursday-July-4 years 1996 and 2002; from 2013 the
/// early close moved to Wednesday July 3 instead).</item>
/// <item>The day after Thanksgiving, from 1992.</item>
/// <item>December 24 when it is a Monday–Thursday (a Friday Dec 24 is the observed Christmas holiday).</item>
/// </list>
/// The early close was 14:00 ET until the end of 1992 and 13:00 ET since.
/// </summary>
internal static class NyseEarlyCloseRules
{
    internal const string IndependenceDayEve = "Independence Day (early close)";
    internal const string DayAfterIndependenceDay = "Day after Independence Day (early close)";
    internal const string DayAfterThanksgiving = "Day after Thanksgiving (early close)";
    internal const string ChristmasEve = "Christmas Eve (early close)";

    /// <summary>13:00 ET: the early close since 1993.</summary>
    internal static readonly TimeOnly OnePm = new(13, 0);

    /// <summary>14:00 ET: the early close until 1992.</summary>
    internal static readonly TimeOnly TwoPm = new(14, 0);

    /// <summary>The scheduled early closes of <paramref name="year"/>, in date order.</summary>
    internal static IEnumerable<MarketHoliday> For(int year)
    {
        var close = year < 1993 ? TwoPm : OnePm;

        var july3 = new DateOnly(year, 7, 3);
        var july3Closes = year >= 1995 && july3.DayOfWeek switch
        {
            DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Thursday => true,
            DayOfWeek.Wednesday => year >= 2013,
            _ => false,
        };
        if (july3Closes)
        {
            yield return MarketHoliday.EarlyClose(july3, IndependenceDayEve, close);
        }

        var july5 = new DateOnly(year, 7, 5);
        if (year is >= 1995 and <= 2012 && july5.DayOfWeek == DayOfWeek.Friday)
        {
            yield return MarketHoliday.EarlyClose(july5, DayAfterIndependenceDay, close);
        }

        if (year >= 1992)
        {
            yield return MarketHoliday.EarlyClose(NyseHolidayRules.ThanksgivingDay(year).AddDays(1), DayAfterThanksgiving, close);
        }

        var christmasEve = new DateOnly(year, 12, 24);
        if (christmasEve.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday)
        {
            yield return MarketHoliday.EarlyClose(christmasEve, ChristmasEve, close);
        }
    }
}
