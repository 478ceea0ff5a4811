using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// The sessions either side of each America/New_York DST switch, 2024–2027 (tzdata, as listed in
/// docs/market-calendar.md: 2024 Mar 10 – Nov 3; 2025 Mar 9 – Nov 2; 2026 Mar 8 – Nov 1; 2027 Mar 14 – Nov 7).
/// Switches happen on Sundays, so the neighbours are the Friday before and the Monday after.
/// EST: 09:30–16:00 ET = 14:30–21:00Z; EDT: 13:30–20:00Z.
/// </summary>
public class NyseDstTests
{
    [Theory]
    // spring forward: Friday in EST, Monday in EDT
    [InlineData("2024-03-08", "2024-03-08T14:30:00Z", "2024-03-08T21:00:00Z")]
    [InlineData("2024-03-11", "2024-03-11T13:30:00Z", "2024-03-11T20:00:00Z")]
    [InlineData("2025-03-07", "2025-03-07T14:30:00Z", "2025-03-07T21:00:00Z")]
    [InlineData("2025-03-10", "2025-03-10T13:30:00Z", "2025-03-10T20:00:00Z")]
    [InlineData("2026-03-06", "2026-03-06T14:30:00Z", "2026-03-06T21:00:00Z")]
    [InlineData("2026-03-09", "2026-03-09T13:30:00Z", "2026-03-09T20:00:00Z")]
    [InlineData("2027-03-12", "2027-03-12T14:30:00Z", "2027-03-12T21:00:00Z")]
    [InlineData("2027-03-15", "2027-03-15T13:30:00Z", "2027-03-15T20:00:00Z")]
    // fall back: Friday in EDT, Monday in EST
    [InlineData("2024-11-01", "2024-11-01T13:30:00Z", "2024-11-01T20:00:00Z")]
    [InlineData("2024-11-04", "2024-11-04T14:30:00Z", "2024-11-04T21:00:00Z")]
    [InlineData("2025-10-31", "2025-10-31T13:30:00Z", "2025-10-31T20:00:00Z")]
    [InlineData("2025-11-03", "2025-11-03T14:30:00Z", "2025-11-03T21:00:00Z")]
    [InlineData("2026-10-30", "2026-10-30T13:30:00Z", "2026-10-30T20:00:00Z")]
    [InlineData("2026-11-02", "2026-11-02T14:30:00Z", "2026-11-02T21:00:00Z")]
    [InlineData("2027-11-05", "2027-11-05T13:30:00Z", "2027-11-05T20:00:00Z")]
    [InlineData("2027-11-08", "2027-11-08T14:30:00Z", "2027-11-08T21:00:00Z")]
    public void Session_either_side_of_a_dst_switch_has_the_right_utc_instants(string date, string openUtc, string closeUtc)
    {
        var session = NyseCalendar.Default.Session(Iso.Date(date));

        Assert.Equal(Iso.Utc(openUtc), session.Open);
        Assert.Equal(Iso.Utc(closeUtc), session.Close);
        Assert.Equal(TimeSpan.Zero, session.Open.Offset);
        Assert.Equal(TimeSpan.Zero, session.Close.Offset);
    }

    [Theory]
    [InlineData("2024-03-10")]
    [InlineData("2024-11-03")]
    [InlineData("2025-03-09")]
    [InlineData("2025-11-02")]
    [InlineData("2026-03-08")]
    [InlineData("2026-11-01")]
    [InlineData("2027-03-14")]
    [InlineData("2027-11-07")]
    public void Switch_day_itself_is_a_sunday_without_a_session(string date)
    {
        var day = Iso.Date(date);

        Assert.Equal(DayOfWeek.Sunday, day.DayOfWeek);
        Assert.False(NyseCalendar.Default.IsSession(day));
    }

    [Theory]
    [InlineData("2024-03-10T06:59:59Z", "2024-03-10T01:59:59-05:00")] // last EST second
    [InlineData("2024-03-10T07:00:00Z", "2024-03-10T03:00:00-04:00")] // 02:00 EST → 03:00 EDT
    [InlineData("2024-11-03T05:30:00Z", "2024-11-03T01:30:00-04:00")] // first 01:30 (EDT)
    [InlineData("2024-11-03T06:30:00Z", "2024-11-03T01:30:00-05:00")] // second 01:30 (EST)
    public void NewYorkTime_shows_instants_with_the_offset_in_force(string utc, string local)
    {
        var shown = NewYorkTime.ToLocal(Iso.Utc(utc));

        Assert.Equal(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture), shown);
        Assert.Equal(DateTimeOffset.Parse(local, System.Globalization.CultureInfo.InvariantCulture).Offset, shown.Offset);
    }

    [Fact]
    public void NewYorkTime_rejects_the_skipped_hour_and_resolves_the_repeated_one_to_standard_time()
    {
        var error = Assert.Throws<ArgumentException>(() => NewYorkTime.ToUtc(Iso.Date("2024-03-10"), new TimeOnly(2, 30)));
        Assert.Contains("2024-03-10 02:30:00", error.Message);

        Assert.Equal(Iso.Utc("2024-11-03T06:30:00Z"), NewYorkTime.ToUtc(Iso.Date("2024-11-03"), new TimeOnly(1, 30)));
    }

    [Theory]
    [InlineData("2024-12-25T04:59:59Z", "2024-12-24")] // 23:59:59 EST
    [InlineData("2024-12-25T05:00:00Z", "2024-12-25")]
    [InlineData("2024-07-04T03:59:59Z", "2024-07-03")] // 23:59:59 EDT
    [InlineData("2024-07-04T04:00:00Z", "2024-07-04")]
    public void LocalDate_is_the_new_york_date(string utc, string date)
    {
        Assert.Equal(Iso.Date(date), NewYorkTime.LocalDate(Iso.Utc(utc)));
    }
}
