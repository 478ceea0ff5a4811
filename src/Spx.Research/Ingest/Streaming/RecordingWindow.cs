using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The session being recorded and its bounds, from the NYSE calendar: the stream starts only inside the
/// session (unless asked to record outside hours), stops at <see cref="Until"/> (the close, an early close
/// included, or an earlier <c>--until</c>), and calls an event late when it starts before <see cref="LateBefore"/>.
/// </summary>
/// <param name="Session">The session (for outside hours: the day's session, or the next one on a closed day).</param>
/// <param name="Until">When recording stops: no event starting at or after it is waited for.</param>
/// <param name="LateBefore">The session's open minus the late grace.</param>
public sealed record RecordingWindow(MarketSession Session, DateTimeOffset Until, DateTimeOffset LateBefore)
{
    /// <summary>The window for a stream starting at <paramref name="now"/>.</summary>
    /// <param name="until">A New York time of day to stop at instead of the close.</param>
    /// <exception cref="StreamPlanException">Outside the session without <paramref name="outsideHours"/>, or <paramref name="until"/> already past.</exception>
    public static RecordingWindow At(DateTimeOffset now, NyseCalendar calendar, TimeOnly? until, bool outsideHours, TimeSpan lateGrace)
    {
        var today = NewYorkTime.LocalDate(now);
        var session = calendar.GetSession(today);
        if (session is not { } s || !s.Contains(now))
        {
            if (!outsideHours) throw new StreamPlanException(NotInSession(now, today, session, calendar));
            s = session ?? calendar.SessionOnOrAfter(today);
        }
        var stop = until is { } time ? NewYorkTime.ToUtc(today, time) : (s.Date == today ? s.Close : NewYorkTime.ToUtc(today.AddDays(1), TimeOnly.MinValue));
        if (stop <= now)
            throw new StreamPlanException($"--until {Local(stop)} is not after now ({Local(now)} New York time)");
        return new RecordingWindow(s, stop, s.Open - lateGrace);
    }

    /// <summary>True for an event older than the session (docs/streaming.md, "Late data").</summary>
    public bool IsLate(DateTimeOffset eventStart) => eventStart < LateBefore;

    private static string NotInSession(DateTimeOffset now, DateOnly today, MarketSession? session, NyseCalendar calendar)
    {
        var next = session is { } s && now < s.Open ? s : calendar.NextSession(today);
        var why = session is null ? $"{today:yyyy-MM-dd} is not a NYSE session" : $"the session of {today:yyyy-MM-dd} runs {Local(session.Value.Open)}–{Local(session.Value.Close)}";
        return $"not streaming at {Local(now)} New York time: {why}; the next opens {next.Date:yyyy-MM-dd} {Local(next.Open)} (--outside-hours records anyway)";
    }

    private static string Local(DateTimeOffset instant) => NewYorkTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);
}
