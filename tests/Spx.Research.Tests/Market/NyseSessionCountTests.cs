using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Sessions per year = weekdays − weekday holidays, with the holidays from the docs/market-calendar.md table
/// (NYSE releases, LEAN, exchange_calendars XNYS):
/// <code>
/// 2024: leap year starting Monday    → 52 weeks + Mon, Tue      = 262 weekdays − 10 holidays = 252
/// 2025: starts Wednesday, 365 days   → 52 weeks + Wed           = 261 weekdays − 11 (Carter) = 250
/// 2026: starts Thursday, 365 days    → 52 weeks + Thu           = 261 weekdays − 10 holidays = 251
/// 2027: starts Friday, 365 days      → 52 weeks + Fri           = 261 weekdays − 10 holidays = 251
/// 2028: leap year starting Saturday  → 52 weeks + Sat, Sun      = 260 weekdays −  9 holidays = 251
/// </code>
/// </summary>
public class NyseSessionCountTests
{
    [Theory]
    [InlineData(2024, 10, 252)]
    [InlineData(2025, 11, 250)]
    [InlineData(2026, 10, 251)]
    [InlineData(2027, 10, 251)]
    [InlineData(2028, 9, 251)]
    public void Sessions_per_year_are_weekdays_less_weekday_holidays(int year, int holidays, int sessions)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var closed = NyseCalendar.Default.Holidays(from, to).Count(h => h.IsClosed);
        var open = NyseCalendar.Default.Sessions(from, to).Count;

        Assert.Equal(holidays, closed);
        Assert.Equal(sessions, open);
    }

    [Fact]
    public void Every_session_in_the_range_opens_at_0930_et_and_closes_at_1600_or_early()
    {
        var all = NyseCalendar.Default.Sessions(NyseCalendar.FirstDate, NyseCalendar.LastDate);

        Assert.All(all, s =>
        {
            Assert.Equal(TimeSpan.Zero, s.Open.Offset);
            Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(NewYorkTime.ToLocal(s.Open).DateTime));
            var close = TimeOnly.FromDateTime(NewYorkTime.ToLocal(s.Close).DateTime);
            Assert.Equal(s.IsEarlyClose ? (s.Date.Year < 1993 ? new TimeOnly(14, 0) : new TimeOnly(13, 0)) : new TimeOnly(16, 0), close);
            Assert.Equal(s.Date, NewYorkTime.LocalDate(s.Open));
        });
        Assert.Equal(all.OrderBy(s => s.Date).Select(s => s.Date), all.Select(s => s.Date));
        Assert.Equal(all.Count, all.Select(s => s.Date).Distinct().Count());
    }
}
