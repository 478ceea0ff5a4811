using Spx.Research.Configuration;
using Spx.Research.Market;

namespace Spx.Research.Monitor.EndOfDay;

/// <summary>
/// The oldest partition dates end of day keeps, counted back from the session it closes: intraday polls for
/// <see cref="MonitorSettings.IntradayRetentionSessions"/> NYSE sessions including that one (so the
/// detector always has the previous session's polls), daily rows for
/// <see cref="MonitorSettings.DailyRetentionDays"/> calendar days (a row exactly that old is kept).
/// </summary>
public static class RetentionCutoffs
{
    /// <summary>The first session whose polls are kept.</summary>
    public static DateOnly FirstPollSessionKept(DateOnly session, MonitorSettings settings, NyseCalendar calendar)
    {
        var kept = calendar.SessionOnOrBefore(session).Date;
        for (var i = 1; i < Math.Max(1, settings.IntradayRetentionSessions); i++) kept = calendar.PreviousSession(kept).Date;
        return kept;
    }

    /// <summary>The first date whose daily rows are kept.</summary>
    public static DateOnly FirstDailyDateKept(DateOnly session, MonitorSettings settings) =>
        session.AddDays(-settings.DailyRetentionDays);
}
