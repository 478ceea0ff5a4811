using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Holidays fetched later from /v1/marketstatus/upcoming may add closures and early closes to the rules
/// (docs/market-calendar.md, "What the calendar answers") but never remove one; the default stays untouched.
/// </summary>
public class NyseExtraHolidayTests
{
    private static readonly NyseCalendar Default = NyseCalendar.Default;

    [Fact]
    public void Extra_closure_closes_the_day_and_leaves_the_default_alone()
    {
        var day = Iso.Date("2026-03-20");

        var calendar = Default.WithExtraClosures([day]);

        Assert.False(calendar.IsSession(day));
        Assert.Equal("Announced closure", calendar.Holiday(day)?.Name);
        Assert.Equal(Iso.Date("2026-03-23"), calendar.NextSession(Iso.Date("2026-03-19")).Date);
        Assert.True(Default.IsSession(day));
        Assert.Equal(250, calendar.Sessions(Iso.Date("2026-01-01"), Iso.Date("2026-12-31")).Count);
    }

    [Fact]
    public void Closure_beats_an_early_close()
    {
        var calendar = Default.WithExtraClosures([Iso.Date("2026-11-27")], "Hypothetical closure");

        Assert.False(calendar.IsSession(Iso.Date("2026-11-27")));
        Assert.Equal("Hypothetical closure", calendar.Holiday(Iso.Date("2026-11-27"))?.Name);
    }

    [Fact]
    public void Extra_early_close_shortens_a_regular_day()
    {
        var calendar = Default.WithExtraEarlyCloses([Iso.Date("2026-03-20")]);

        var session = calendar.Session(Iso.Date("2026-03-20"));
        Assert.True(session.IsEarlyClose);
        Assert.Equal(Iso.Utc("2026-03-20T17:00:00Z"), session.Close); // 13:00 EDT
    }

    [Fact]
    public void Extras_never_reopen_or_lengthen_a_day()
    {
        var calendar = Default
            .WithExtraEarlyCloses([Iso.Date("2026-12-25")])                           // a rule holiday stays closed
            .WithExtraEarlyCloses([Iso.Date("2026-12-24")], new TimeOnly(14, 0))      // 13:00 rule close stays 13:00
            .WithExtraHolidays([MarketHoliday.Closed(Iso.Date("2026-12-25"), "Christmas")]); // repeat of a rule day

        Assert.False(calendar.IsSession(Iso.Date("2026-12-25")));
        Assert.Equal("Christmas Day", calendar.Holiday(Iso.Date("2026-12-25"))?.Name);
        Assert.Equal(Iso.Utc("2026-12-24T18:00:00Z"), calendar.Session(Iso.Date("2026-12-24")).Close);
        Assert.Equal(
            Default.Sessions(NyseCalendar.FirstDate, NyseCalendar.LastDate),
            calendar.Sessions(NyseCalendar.FirstDate, NyseCalendar.LastDate));
    }

    [Fact]
    public void Earlier_extra_early_close_wins()
    {
        var calendar = Default.WithExtraEarlyCloses([Iso.Date("2026-12-24")], new TimeOnly(12, 0), "Hypothetical noon close");

        Assert.Equal(Iso.Utc("2026-12-24T17:00:00Z"), calendar.Session(Iso.Date("2026-12-24")).Close);
        Assert.Equal("Hypothetical noon close", calendar.Holiday(Iso.Date("2026-12-24"))?.Name);
    }

    [Fact]
    public void Weekend_extras_change_nothing()
    {
        var calendar = Default.WithExtraClosures([Iso.Date("2026-03-21")]);

        Assert.Null(calendar.Holiday(Iso.Date("2026-03-21")));
        Assert.Equal(Default.Holidays(Iso.Date("2026-01-01"), Iso.Date("2026-12-31")), calendar.Holidays(Iso.Date("2026-01-01"), Iso.Date("2026-12-31")));
    }

    [Theory]
    [InlineData("09:30")]
    [InlineData("16:00")]
    [InlineData("17:00")]
    [InlineData("08:00")]
    public void Early_close_outside_the_session_is_rejected(string close)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Default.WithExtraEarlyCloses([Iso.Date("2026-03-20")], TimeOnly.Parse(close, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("2026-03-20", error.Message);
        Assert.Contains(close, error.Message);
    }

    [Fact]
    public void Market_status_style_list_adds_closures_and_early_closes_in_one_call()
    {
        var calendar = Default.WithExtraHolidays(
        [
            MarketHoliday.Closed(Iso.Date("2026-03-20"), "Hypothetical day of mourning"),
            MarketHoliday.EarlyClose(Iso.Date("2026-03-19"), "Hypothetical early close", new TimeOnly(13, 0)),
        ]);

        Assert.False(calendar.IsSession(Iso.Date("2026-03-20")));
        Assert.True(calendar.Session(Iso.Date("2026-03-19")).IsEarlyClose);
        Assert.Equal(
            ["2026-03-19", "2026-03-20"],
            calendar.Holidays(Iso.Date("2026-03-01"), Iso.Date("2026-03-31")).Select(h => Iso.Text(h.Date)));
    }

    [Fact]
    public void A_holiday_needs_a_name()
    {
        var error = Assert.Throws<ArgumentException>(() => MarketHoliday.Closed(Iso.Date("2026-03-20"), " "));

        Assert.Contains("2026-03-20", error.Message);
    }
}
