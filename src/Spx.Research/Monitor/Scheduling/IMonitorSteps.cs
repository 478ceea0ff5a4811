namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// The work the scheduler times, and what is already stored so a restart resumes without duplicates. The
/// scheduler owns only "when"; the lake-backed poll and end of day own "what". Steps receive a token that
/// the scheduler never cancels on Ctrl+C/SIGTERM: a stop waits for the running step to finish.
/// </summary>
public interface IMonitorSteps
{
    /// <summary>Polls for the slot <paramref name="instant"/> (UTC) and returns a one-line summary for the log.</summary>
    /// <remarks>The slot, not the moment it runs, names the poll: a late poll of the current slot is stored under the slot.</remarks>
    Task<string> PollAsync(DateTimeOffset instant, CancellationToken cancellationToken);

    /// <summary>Runs end of day for <paramref name="session"/> and returns a one-line summary for the log.</summary>
    Task<string> EndOfDayAsync(DateOnly session, CancellationToken cancellationToken);

    /// <summary>The poll instants already stored for <paramref name="session"/>.</summary>
    Task<IReadOnlySet<DateTimeOffset>> StoredPollsAsync(DateOnly session, CancellationToken cancellationToken);

    /// <summary>True when end of day already ran for <paramref name="session"/>.</summary>
    Task<bool> EndOfDayDoneAsync(DateOnly session, CancellationToken cancellationToken);
}
