using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Years before 2024, where docs/market-calendar.md makes exchange_calendars' XNYS calendar (its rules and
/// ad-hoc lists) the reference, cross-checked against LEAN's market-hours database where it has data.
/// </summary>
public class NyseHistoryTests
{
    private static readonly NyseCalendar Calendar = NyseCalendar.Default;

    /// <summary>XNYS ad-hoc closures since 1990 (us_holidays.py: USNationalDaysofMourning, September11Closings,
    /// HurricaneSandyClosings) plus Carter 2025 (LEAN, XNYS, docs/market-calendar.md).</summary>
    [Theory]
    [InlineData("1994-04-27", "National Day of Mourning: President Richard Nixon")]
    [InlineData("2001-09-11", "September 11 attacks")]
    [InlineData("2001-09-12", "September 11 attacks")]
    [InlineData("2001-09-13", "September 11 attacks")]
    [InlineData("2001-09-14", "September 11 attacks")]
    [InlineData("2004-06-11", "National Day of Mourning: President Ronald Reagan")]
    [InlineData("2007-01-02", "National Day of Mourning: President Gerald Ford")]
    [InlineData("2012-10-29", "Hurricane Sandy")]
    [InlineData("2012-10-30", "Hurricane Sandy")]
    [InlineData("2018-12-05", "National Day of Mourning: President George H. W. Bush")]
    [InlineData("2025-01-09", "National Day of Mourning: President Jimmy Carter")]
    public void Ad_hoc_closure_is_closed_with_its_reason(string date, string name)
    {
        var day = Iso.Date(date);

        Assert.False(Calendar.IsSession(day));
        Assert.Equal(name, Calendar.Holiday(day)?.Name);
        var error = Assert.Throws<ArgumentException>(() => Calendar.Session(day));
        Assert.Contains(date, error.Message);
        Assert.Contains(name, error.Message);
    }

    /// <summary>Days that are holidays today but were not yet (XNYS: MLK from 1998, Juneteenth from 2022),
    /// and New Year's Eves before a Saturday Jan 1 (NYSE Rule 7.2; LEAN lists no Dec 31 holiday).</summary>
    [Theory]
    [InlineData("1990-01-15")] // MLK Day 1990: not observed by the NYSE before 1998
    [InlineData("1997-01-20")] // MLK Day 1997
    [InlineData("2020-06-19")] // Juneteenth before 2022
    [InlineData("2021-06-18")] // Juneteenth 2021 (Sat) would have been observed Friday from 2022 on
    [InlineData("1993-12-31")] // Jan 1 1994 Saturday
    [InlineData("2004-12-31")] // Jan 1 2005 Saturday
    [InlineData("2010-12-31")] // Jan 1 2011 Saturday
    [InlineData("2021-12-31")] // Jan 1 2022 Saturday
    [InlineData("2008-12-26")] // Friday after Thursday Christmas: full day (XNYS notes)
    [InlineData("2014-12-26")] // same
    [InlineData("1991-11-29")] // day after Thanksgiving: no early close before 1992 (XNYS)
    [InlineData("1994-07-01")] // no July early closes before 1995 (XNYS)
    [InlineData("2019-07-05")] // Friday after a Thursday July 4 is full since 2013 (XNYS)
    public void Historical_full_day(string date)
    {
        var session = Calendar.Session(Iso.Date(date));

        Assert.False(session.IsEarlyClose);
        Assert.Null(Calendar.Holiday(session.Date));
    }

    /// <summary>
    /// XNYS early closes that only its history knows: 14:00 ET before 1993 (ChristmasEveBefore1993,
    /// USBlackFridayBefore1993), July 5 Fridays 1995–2012, Wednesday July 3 from 2013, and the ad-hoc
    /// 1997-12-26, 1999-12-31 and 2003-12-26.
    /// </summary>
    [Theory]
    [InlineData("1990-12-24", "14:00", "1990-12-24T19:00:00Z")]
    [InlineData("1991-12-24", "14:00", "1991-12-24T19:00:00Z")]
    [InlineData("1992-11-27", "14:00", "1992-11-27T19:00:00Z")]
    [InlineData("1992-12-24", "14:00", "1992-12-24T19:00:00Z")]
    [InlineData("1993-11-26", "13:00", "1993-11-26T18:00:00Z")]
    [InlineData("1995-07-03", "13:00", "1995-07-03T17:00:00Z")]
    [InlineData("1996-07-05", "13:00", "1996-07-05T17:00:00Z")]
    [InlineData("1997-12-26", "13:00", "1997-12-26T18:00:00Z")]
    [InlineData("1998-12-24", "13:00", "1998-12-24T18:00:00Z")]
    [InlineData("1999-12-31", "13:00", "1999-12-31T18:00:00Z")]
    [InlineData("2002-07-05", "13:00", "2002-07-05T17:00:00Z")]
    [InlineData("2003-12-26", "13:00", "2003-12-26T18:00:00Z")]
    [InlineData("2013-07-03", "13:00", "2013-07-03T17:00:00Z")]
    [InlineData("2023-07-03", "13:00", "2023-07-03T17:00:00Z")]
    [InlineData("2023-11-24", "13:00", "2023-11-24T18:00:00Z")]
    public void Historical_early_close(string date, string closeEt, string closeUtc)
    {
        var day = Iso.Date(date);
        var session = Calendar.Session(day);

        Assert.True(session.IsEarlyClose);
        Assert.Equal(Iso.Utc(closeUtc), session.Close);
        Assert.Equal(TimeOnly.Parse(closeEt, CultureInfo.InvariantCulture), Calendar.Holiday(day)?.EarlyCloseEt);
    }

    [Fact]
    public void Weekday_closures_1998_to_2023_match_lean()
    {
        var from = Iso.Date("1998-01-01");
        var to = Iso.Date("2023-12-31");
        var lean = WeekdaysIn(LeanEquityUsaDays.Holidays, from, to);

        var ours = Calendar.Holidays(from, to).Where(h => h.IsClosed).Select(h => h.Date);

        Assert.Equal(lean, ours);
    }

    [Fact]
    public void Early_closes_from_november_1999_to_2022_match_lean_except_the_xnys_y2k_eve()
    {
        var from = Iso.Date("1999-11-01");
        var to = Iso.Date("2022-12-31");
        var lean = WeekdaysIn(LeanEquityUsaDays.EarlyCloses, from, to);

        var ours = Calendar.Sessions(from, to).Where(s => s.IsEarlyClose).Select(s => s.Date).ToList();

        // XNYS lists 1999-12-31 as an ad-hoc 13:00 close; this LEAN revision does not. XNYS is the reference.
        Assert.Equal(lean, ours.Where(d => d != Iso.Date("1999-12-31")));
        Assert.Contains(Iso.Date("1999-12-31"), ours);
        Assert.All(
            Calendar.Sessions(Iso.Date("1993-01-01"), to).Where(s => s.IsEarlyClose),
            s => Assert.Equal(new TimeOnly(13, 0), Calendar.Holiday(s.Date)?.EarlyCloseEt));
    }

    [Fact]
    public void Good_fridays_1998_to_2023_are_the_ones_lean_lists()
    {
        var goodFridays = Calendar.Holidays(Iso.Date("1998-01-01"), Iso.Date("2023-12-31"))
            .Where(h => h.Name == "Good Friday")
            .Select(h => h.Date)
            .ToList();

        Assert.Equal(26, goodFridays.Count);
        Assert.All(goodFridays, d => Assert.Contains(d, WeekdaysIn(LeanEquityUsaDays.Holidays, d, d)));
        Assert.All(goodFridays, d => Assert.Equal(DayOfWeek.Friday, d.DayOfWeek));
    }

    private static List<DateOnly> WeekdaysIn(IEnumerable<string> leanDates, DateOnly from, DateOnly to) =>
        [.. leanDates
            .Select(d => DateOnly.ParseExact(d, "M/d/yyyy", CultureInfo.InvariantCulture))
            .Where(d => d >= from && d <= to && d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            .Order()];
}
