using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Next/previous session across weekends and the holidays of docs/market-calendar.md's table, range queries,
/// instants, and the supported-range errors.
/// </summary>
public class NyseNavigationTests
{
    private static readonly NyseCalendar Calendar = NyseCalendar.Default;

    [Theory]
    [InlineData("2024-03-28", "2024-04-01")] // Good Friday + weekend
    [InlineData("2024-12-24", "2024-12-26")] // Christmas
    [InlineData("2025-01-08", "2025-01-10")] // Carter closure
    [InlineData("2024-06-14", "2024-06-17")] // plain weekend
    [InlineData("2024-06-15", "2024-06-17")] // from a Saturday
    [InlineData("2026-07-02", "2026-07-06")] // Independence Day observed Fri Jul 3
    [InlineData("2027-12-23", "2027-12-27")] // Christmas observed Fri Dec 24
    [InlineData("2027-12-31", "2028-01-03")] // no holiday for Saturday Jan 1 2028: next is Monday
    [InlineData("2024-05-27", "2024-05-28")] // from a holiday
    public void NextSession_is_the_first_session_strictly_after(string date, string next)
    {
        Assert.Equal(Iso.Date(next), Calendar.NextSession(Iso.Date(date)).Date);
    }

    [Theory]
    [InlineData("2024-01-02", "2023-12-29")] // New Year's Day 2024
    [InlineData("2024-07-05", "2024-07-03")] // Independence Day
    [InlineData("2026-07-06", "2026-07-02")] // observed Friday + weekend
    [InlineData("2027-06-21", "2027-06-17")] // Juneteenth observed Fri Jun 18 + weekend
    [InlineData("2024-09-03", "2024-08-30")] // Labor Day + weekend
    [InlineData("2024-06-16", "2024-06-14")] // from a Sunday
    public void PreviousSession_is_the_last_session_strictly_before(string date, string previous)
    {
        Assert.Equal(Iso.Date(previous), Calendar.PreviousSession(Iso.Date(date)).Date);
    }

    [Theory]
    [InlineData("2024-06-14", "2024-06-14", "2024-06-14")] // a session is its own answer
    [InlineData("2024-06-15", "2024-06-17", "2024-06-14")] // Saturday
    [InlineData("2025-04-18", "2025-04-21", "2025-04-17")] // Good Friday
    public void SessionOnOrAfter_and_OnOrBefore(string date, string onOrAfter, string onOrBefore)
    {
        var day = Iso.Date(date);

        Assert.Equal(Iso.Date(onOrAfter), Calendar.SessionOnOrAfter(day).Date);
        Assert.Equal(Iso.Date(onOrBefore), Calendar.SessionOnOrBefore(day).Date);
    }

    [Fact]
    public void Sessions_are_inclusive_and_skip_closed_days()
    {
        var week = Calendar.Sessions(Iso.Date("2024-07-01"), Iso.Date("2024-07-07"));

        Assert.Equal(["2024-07-01", "2024-07-02", "2024-07-03", "2024-07-05"], week.Select(s => Iso.Text(s.Date)));
        Assert.Equal([false, false, true, false], week.Select(s => s.IsEarlyClose));
        Assert.Single(Calendar.Sessions(Iso.Date("2024-07-05"), Iso.Date("2024-07-05")));
        Assert.Empty(Calendar.Sessions(Iso.Date("2024-07-06"), Iso.Date("2024-07-07")));
        Assert.Empty(Calendar.Sessions(Iso.Date("2024-07-04"), Iso.Date("2024-07-04")));
    }

    [Fact]
    public void Sessions_rejects_a_reversed_range()
    {
        var error = Assert.Throws<ArgumentException>(() => Calendar.Sessions(Iso.Date("2025-02-01"), Iso.Date("2025-01-01")));

        Assert.Contains("2025-01-01", error.Message);
        Assert.Contains("2025-02-01", error.Message);
    }

    [Fact]
    public void Session_on_a_closed_day_names_the_date_and_the_reason()
    {
        var holiday = Assert.Throws<ArgumentException>(() => Calendar.Session(Iso.Date("2024-12-25")));
        Assert.Contains("2024-12-25 (Wednesday) is not an NYSE session: Christmas Day", holiday.Message);

        var weekend = Assert.Throws<ArgumentException>(() => Calendar.Session(Iso.Date("2024-12-21")));
        Assert.Contains("2024-12-21 (Saturday) is not an NYSE session: weekend", weekend.Message);
    }

    [Theory]
    [InlineData("2024-12-24T14:29:59Z", false)] // before the open (EST)
    [InlineData("2024-12-24T14:30:00Z", true)]  // the open
    [InlineData("2024-12-24T17:59:59Z", true)]
    [InlineData("2024-12-24T18:00:00Z", false)] // 13:00 ET early close
    [InlineData("2024-12-23T20:59:59Z", true)]
    [InlineData("2024-12-23T21:00:00Z", false)] // 16:00 ET
    [InlineData("2024-07-04T15:00:00Z", false)] // holiday
    [InlineData("2024-03-11T13:30:00Z", true)]  // first EDT open
    [InlineData("2024-03-08T13:30:00Z", false)] // an hour before the last EST open
    [InlineData("2024-06-15T15:00:00Z", false)] // Saturday
    public void IsOpen(string instant, bool open)
    {
        Assert.Equal(open, Calendar.IsOpen(Iso.Utc(instant)));
    }

    [Fact]
    public void Range_ends_are_1990_01_02_and_2030_12_31()
    {
        Assert.False(Calendar.IsSession(NyseCalendar.FirstDate)); // New Year's Day 1990 (Monday)
        Assert.Equal(Iso.Date("1990-01-02"), Calendar.SessionOnOrAfter(NyseCalendar.FirstDate).Date);
        Assert.True(Calendar.IsSession(NyseCalendar.LastDate));   // Tuesday
        Assert.Equal(NyseCalendar.LastDate, Calendar.SessionOnOrBefore(NyseCalendar.LastDate).Date);
    }

    public static TheoryData<string, Action> OutOfRange => new()
    {
        { "1989-12-31", () => Calendar.IsSession(Iso.Date("1989-12-31")) },
        { "2031-01-01", () => Calendar.GetSession(Iso.Date("2031-01-01")) },
        { "2031-01-01", () => Calendar.Session(Iso.Date("2031-01-01")) },
        { "1989-12-01", () => Calendar.Sessions(Iso.Date("1989-12-01"), Iso.Date("1990-01-05")) },
        { "2031-06-30", () => Calendar.Sessions(Iso.Date("2030-12-01"), Iso.Date("2031-06-30")) },
        { "2031-01-01", () => Calendar.NextSession(Iso.Date("2031-01-01")) },
        { "2030-12-31", () => Calendar.NextSession(Iso.Date("2030-12-31")) },        // answer would be in 2031
        { "1990-01-02", () => Calendar.PreviousSession(Iso.Date("1990-01-02")) },    // answer would be in 1989
        { "1990-01-01", () => Calendar.SessionOnOrBefore(Iso.Date("1990-01-01")) },
        { "1989-12-31", () => Calendar.IsOpen(Iso.Utc("1990-01-01T04:59:59Z")) },   // 23:59:59 ET on Dec 31
        { "2031-01-01", () => Calendar.Holiday(Iso.Date("2031-01-01")) },
        { "2031-01-01", () => Calendar.WithExtraClosures([Iso.Date("2031-01-01")]) },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Dates_outside_1990_to_2030_throw_naming_the_date_and_the_range(string date, Action call)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(call);

        Assert.Contains(date, error.Message);
        Assert.Contains("1990-01-01..2030-12-31", error.Message);
    }

    [Fact]
    public void Default_is_one_shared_instance()
    {
        Assert.Same(NyseCalendar.Default, NyseCalendar.Default);
    }
}
