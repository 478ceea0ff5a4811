using Spx.Research.Configuration;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// When the monitor works on one session: polls from the open plus the data delay, every poll interval, up
/// to and including the close (a poll lands on the close when the interval divides the time from the first
/// poll to the close), and end of day a delay after the close. Early closes and DST come from the session's
/// UTC open and close, so nothing here knows about them.
/// </summary>
public sealed record SessionSchedule(MarketSession Session, IReadOnlyList<DateTimeOffset> Polls, DateTimeOffset EndOfDay)
{
    /// <summary>The schedule of <paramref name="session"/> under <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The poll interval is not positive, or a delay is negative.</exception>
    public static SessionSchedule For(MarketSession session, MonitorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.PollInterval, $"monitor.poll_interval must be positive, found {settings.PollInterval}.");
        if (settings.DataDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.DataDelay, $"monitor.data_delay must not be negative, found {settings.DataDelay}.");
        if (settings.EndOfDayDelay < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.EndOfDayDelay, $"monitor.end_of_day_delay must not be negative, found {settings.EndOfDayDelay}.");

        var polls = new List<DateTimeOffset>();
        for (var instant = session.Open + settings.DataDelay; instant <= session.Close; instant += settings.PollInterval)
            polls.Add(instant);
        return new SessionSchedule(session, polls, session.Close + settings.EndOfDayDelay);
    }
}
