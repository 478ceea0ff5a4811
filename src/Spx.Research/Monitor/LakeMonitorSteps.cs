using System.Globalization;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor.EndOfDay;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Notifications;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor;

/// <summary>
/// The scheduler's steps on a real lake: a poll is one <see cref="MonitorCycle"/> (poll, detect, notify) named by
/// its slot, end of day is <see cref="MonitorEndOfDay"/>, and what is already stored comes from the lake itself,
/// so a restart resumes from what was written, not from memory. The same classes back <c>spx monitor poll</c>
/// and <c>spx monitor eod</c>, so the scheduler and a crontab produce the same lake.
/// </summary>
public sealed class LakeMonitorSteps(PolygonRestClient client, SpxSettings settings, Notifier? notifier = null) : IMonitorSteps, IDisposable
{
    private readonly LakeLayout _lake = new(settings.Lake.Path);

    /// <inheritdoc />
    public async Task<string> PollAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        var cycle = await new MonitorCycle(client, _lake, settings, new SlotClock(instant), notifier).RunAsync(cancellationToken);
        var poll = cycle.Poll;
        if (poll.Skipped is { } why) return why;
        var alerts = cycle.Detection is { } d ? $"; alerts {d.Raised.Count} new, {d.AlreadyRaised} already raised" : "";
        var failed = cycle.Notified.Count(n => n.Status == NotificationStatus.Failed);
        return string.Create(CultureInfo.InvariantCulture,
            $"polled {poll.Contracts} contracts in {poll.Expirations} expirations, spot {poll.Spot:0.00}, {poll.RowsWritten} rows written{alerts}{(failed > 0 ? $"; {failed} notification(s) failed" : "")}");
    }

    /// <inheritdoc />
    public Task<string> EndOfDayAsync(DateOnly session, CancellationToken cancellationToken)
    {
        var report = new MonitorEndOfDay(_lake, settings.Monitor).Run(session);
        return Task.FromResult(string.Join("; ", report.Lines()));
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<DateTimeOffset>> StoredPollsAsync(DateOnly session, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<DateTimeOffset>>(Read(
            $"SELECT DISTINCT epoch_us(poll_ts) FROM monitor_polls WHERE session = DATE '{Iso(session)}'",
            reader =>
            {
                var instants = new HashSet<DateTimeOffset>();
                while (reader.Read()) instants.Add(DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(0) * 10));
                return instants;
            }) ?? []);

    /// <inheritdoc />
    public Task<bool> EndOfDayDoneAsync(DateOnly session, CancellationToken cancellationToken) =>
        Task.FromResult(Read($"SELECT count(*) > 0 FROM monitor_daily WHERE session = DATE '{Iso(session)}'", r => r.Read() && r.GetBoolean(0)));

    /// <summary>A query on the lake; the default (nothing stored) before the monitor has written its first file.</summary>
    private T? Read<T>(string sql, Func<DuckDB.NET.Data.DuckDBDataReader, T> read)
    {
        if (!Directory.Exists(_lake.Root)) return default;
        using var session = new LakeSession(_lake, DatasetRegistry.Default);
        return session.Query(sql, read);
    }

    /// <summary>Disposes the notifier it was given (its HTTP client).</summary>
    public void Dispose() => notifier?.Dispose();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The slot names the poll: a late poll of the current slot is stored under the slot.</summary>
    private sealed class SlotClock(DateTimeOffset slot) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => slot;
    }
}
