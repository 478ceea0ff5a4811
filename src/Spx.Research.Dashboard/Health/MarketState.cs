using Spx.Research.Market;

namespace Spx.Research.Dashboard.Health;

/// <summary>
/// Where the NYSE is at an instant, from the calendar (holidays, early closes and DST included): <c>open</c>,
/// <c>pre_open</c>, <c>closed</c> (after the close), <c>weekend</c> or <c>holiday</c>, with today's session if
/// any and the next open, so the page can say "opens Mon 09:30".
/// </summary>
/// <param name="State">The state's name, as the API and the page's status dot use it.</param>
/// <param name="Date">The New York date of the instant.</param>
/// <param name="Session">The date's session, null on a weekend or holiday.</param>
/// <param name="Holiday">The holiday's or early close's name, if the date has one.</param>
/// <param name="NextOpen">The next opening bell after the instant.</param>
internal sealed record MarketState(string State, DateOnly Date, MarketSession? Session, string? Holiday, DateTimeOffset NextOpen)
{
    /// <summary>The market at <paramref name="now"/>.</summary>
    public static MarketState At(DateTimeOffset now, NyseCalendar calendar)
    {
        var date = NewYorkTime.LocalDate(now);
        var holiday = calendar.Holiday(date)?.Name;
        if (calendar.GetSession(date) is not { } session)
        {
            var closed = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "weekend" : "holiday";
            return new MarketState(closed, date, null, holiday, calendar.NextSession(date).Open);
        }
        var state = now < session.Open ? "pre_open" : now < session.Close ? "open" : "closed";
        var nextOpen = now < session.Open ? session.Open : calendar.NextSession(date).Open;
        return new MarketState(state, date, session, holiday, nextOpen);
    }
}
