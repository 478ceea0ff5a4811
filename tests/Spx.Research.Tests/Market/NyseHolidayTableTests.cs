using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Every full-day holiday and 1:00 pm early close for 2024–2028, row by row from the table in
/// docs/market-calendar.md. Sources for each row, as stated there: NYSE holiday releases
/// (2021-12-27, 2024-11-08, 2025-12-23), QuantConnect LEAN's market-hours database (Equity-usa-[*]) and the
/// exchange_calendars XNYS rules, which agree on all of them; 2025-01-09 (Carter) is LEAN and XNYS only.
/// </summary>
public class NyseHolidayTableTests
{
    private static readonly NyseCalendar Calendar = NyseCalendar.Default;

    public static TheoryData<string, string> Holidays => new()
    {
        // 2024 (NYSE release 2021-12-27 / 2024-11-08; LEAN; XNYS)
        { "2024-01-01", "New Year's Day" },
        { "2024-01-15", "Martin Luther King Jr. Day" },
        { "2024-02-19", "Washington's Birthday" },
        { "2024-03-29", "Good Friday" },
        { "2024-05-27", "Memorial Day" },
        { "2024-06-19", "Juneteenth National Independence Day" },
        { "2024-07-04", "Independence Day" },
        { "2024-09-02", "Labor Day" },
        { "2024-11-28", "Thanksgiving Day" },
        { "2024-12-25", "Christmas Day" },
        // 2025 (NYSE release 2024-11-08; Carter closure: LEAN, XNYS)
        { "2025-01-01", "New Year's Day" },
        { "2025-01-09", "National Day of Mourning: President Jimmy Carter" },
        { "2025-01-20", "Martin Luther King Jr. Day" },
        { "2025-02-17", "Washington's Birthday" },
        { "2025-04-18", "Good Friday" },
        { "2025-05-26", "Memorial Day" },
        { "2025-06-19", "Juneteenth National Independence Day" },
        { "2025-07-04", "Independence Day" },
        { "2025-09-01", "Labor Day" },
        { "2025-11-27", "Thanksgiving Day" },
        { "2025-12-25", "Christmas Day" },
        // 2026 (NYSE releases 2024-11-08, 2025-12-23; LEAN; XNYS)
        { "2026-01-01", "New Year's Day" },
        { "2026-01-19", "Martin Luther King Jr. Day" },
        { "2026-02-16", "Washington's Birthday" },
        { "2026-04-03", "Good Friday" },
        { "2026-05-25", "Memorial Day" },
        { "2026-06-19", "Juneteenth National Independence Day" },
        { "2026-07-03", "Independence Day" }, // Jul 4 is a Saturday: observed Friday
        { "2026-09-07", "Labor Day" },
        { "2026-11-26", "Thanksgiving Day" },
        { "2026-12-25", "Christmas Day" },
        // 2027 (NYSE release 2025-12-23; LEAN; XNYS)
        { "2027-01-01", "New Year's Day" },
        { "2027-01-18", "Martin Luther King Jr. Day" },
        { "2027-02-15", "Washington's Birthday" },
        { "2027-03-26", "Good Friday" },
        { "2027-05-31", "Memorial Day" },
        { "2027-06-18", "Juneteenth National Independence Day" }, // Jun 19 is a Saturday
        { "2027-07-05", "Independence Day" },                     // Jul 4 is a Sunday
        { "2027-09-06", "Labor Day" },
        { "2027-11-25", "Thanksgiving Day" },
        { "2027-12-24", "Christmas Day" },                        // Dec 25 is a Saturday
        // 2028 bonus (N, L, X); no New Year's holiday: Jan 1 2028 is a Saturday (NYSE Rule 7.2)
        { "2028-01-17", "Martin Luther King Jr. Day" },
        { "2028-02-21", "Washington's Birthday" },
        { "2028-04-14", "Good Friday" },
        { "2028-05-29", "Memorial Day" },
        { "2028-06-19", "Juneteenth National Independence Day" },
        { "2028-07-04", "Independence Day" },
        { "2028-09-04", "Labor Day" },
        { "2028-11-23", "Thanksgiving Day" },
        { "2028-12-25", "Christmas Day" },
    };

    /// <summary>1:00 pm ET early closes, same sources; the UTC close depends on DST (EDT 17:00Z, EST 18:00Z).</summary>
    public static TheoryData<string, string> EarlyCloses => new()
    {
        { "2024-07-03", "2024-07-03T17:00:00Z" },
        { "2024-11-29", "2024-11-29T18:00:00Z" },
        { "2024-12-24", "2024-12-24T18:00:00Z" },
        { "2025-07-03", "2025-07-03T17:00:00Z" },
        { "2025-11-28", "2025-11-28T18:00:00Z" },
        { "2025-12-24", "2025-12-24T18:00:00Z" },
        { "2026-11-27", "2026-11-27T18:00:00Z" }, // no July early close in 2026
        { "2026-12-24", "2026-12-24T18:00:00Z" },
        { "2027-11-26", "2027-11-26T18:00:00Z" }, // the only 2027 early close
        { "2028-07-03", "2028-07-03T17:00:00Z" },
        { "2028-11-24", "2028-11-24T18:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Holidays))]
    public void Holiday_from_the_table_is_closed_with_its_name(string date, string name)
    {
        var day = Iso.Date(date);

        Assert.False(Calendar.IsSession(day));
        Assert.Null(Calendar.GetSession(day));
        var holiday = Assert.IsType<MarketHoliday>(Calendar.Holiday(day));
        Assert.True(holiday.IsClosed);
        Assert.Equal(name, holiday.Name);
    }

    [Theory]
    [MemberData(nameof(EarlyCloses))]
    public void Early_close_from_the_table_opens_at_0930_and_closes_at_1300_et(string date, string closeUtc)
    {
        var session = Calendar.Session(Iso.Date(date));

        Assert.True(session.IsEarlyClose);
        Assert.Equal(Iso.Utc(closeUtc), session.Close);
        Assert.Equal(TimeSpan.FromHours(3.5), session.Duration);
        Assert.Equal(new TimeOnly(13, 0), Calendar.Holiday(session.Date)?.EarlyCloseEt);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    public void The_table_is_the_complete_list_for_the_year(int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var expectedClosed = Holidays.Select(row => (string)row[0]).Where(d => d.StartsWith($"{year}-", StringComparison.Ordinal));
        var expectedEarly = EarlyCloses.Select(row => (string)row[0]).Where(d => d.StartsWith($"{year}-", StringComparison.Ordinal));

        var days = Calendar.Holidays(from, to);

        Assert.Equal(expectedClosed, days.Where(h => h.IsClosed).Select(h => Iso.Text(h.Date)));
        Assert.Equal(expectedEarly, days.Where(h => !h.IsClosed).Select(h => Iso.Text(h.Date)));
        Assert.Equal(
            expectedEarly,
            Calendar.Sessions(from, to).Where(s => s.IsEarlyClose).Select(s => Iso.Text(s.Date)));
    }

    /// <summary>Edge cases called out in docs/market-calendar.md: days next to moved holidays that trade in full.</summary>
    [Theory]
    [InlineData("2027-12-31")] // Jan 1 2028 is a Saturday: no holiday, no early close (NYSE Rule 7.2)
    [InlineData("2026-07-02")] // Independence Day observed Fri Jul 3: Thursday is a full day
    [InlineData("2027-07-02")] // Jul 3 is a Saturday, holiday observed Mon Jul 5: Friday is a full day
    [InlineData("2027-12-23")] // Christmas observed Fri Dec 24: Thursday is a full day
    [InlineData("2025-12-26")] // 2025 release lists no Dec 26 early close
    public void Edge_case_is_a_regular_full_day(string date)
    {
        var day = Iso.Date(date);
        var session = Calendar.Session(day);

        Assert.False(session.IsEarlyClose);
        Assert.Equal(TimeSpan.FromHours(6.5), session.Duration);
        Assert.Null(Calendar.Holiday(day));
    }
}
