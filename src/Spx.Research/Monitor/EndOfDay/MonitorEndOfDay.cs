using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor.Detection;

namespace Spx.Research.Monitor.EndOfDay;

/// <summary>
/// Closes a monitor session: each contract's last poll becomes its <c>monitor_daily</c> row, the session's
/// poll files (one per poll) are compacted into one, and partitions past retention are removed — every step
/// a partition replace, compaction or removal through the lake's atomic publish, so readers never see a
/// half-closed day. Running it again, or for any past session, changes nothing that is already right.
/// </summary>
public sealed class MonitorEndOfDay
{
    private const string Polls = "monitor_polls";
    private const string Daily = "monitor_daily";
    private const string Alerts = "alerts";

    private readonly LakeLayout _lake;
    private readonly MonitorSettings _settings;
    private readonly NyseCalendar _calendar;
    private readonly DatasetRegistry _registry;

    /// <summary>End of day for the lake at <paramref name="lake"/>, retention from <paramref name="settings"/>.</summary>
    public MonitorEndOfDay(LakeLayout lake, MonitorSettings settings, NyseCalendar? calendar = null, DatasetRegistry? registry = null)
    {
        _lake = lake;
        _settings = settings;
        _calendar = calendar ?? NyseCalendar.Default;
        _registry = MonitorRegistry.With(registry);
    }

    /// <summary>The latest session with stored polls, or null when there are none.</summary>
    public DateOnly? LatestPolledSession() => _lake.Partitions(Polls) is [.., var last] ? last : null;

    /// <summary>
    /// Closes <paramref name="session"/>. A session with no stored polls writes nothing and removes nothing:
    /// its daily rows (if an earlier run wrote them) stay.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="session"/> is not an NYSE session (the message says why).</exception>
    public EndOfDayReport Run(DateOnly session)
    {
        _calendar.Session(session);
        using var writer = new LakeWriter(_lake, _registry);
        var files = PollFiles(session);
        if (files.Count == 0) return new EndOfDayReport(session, 0, null, null, [], [], Totals());

        var pollRows = writer.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {Read(files)}");
        var daily = writer.ReplacePartition(Daily, session, LakeSource.FromSql(LastPollPerContract(files)));
        var compaction = writer.CompactPartition(Polls, session);
        // Each poll appends its alerts as a small file: one file per session is what readers want.
        if (_lake.Partitions(Alerts).Contains(session)) writer.CompactPartition(Alerts, session);
        var removedPolls = RemoveBefore(writer, Polls, RetentionCutoffs.FirstPollSessionKept(session, _settings, _calendar));
        var removedDaily = RemoveBefore(writer, Daily, RetentionCutoffs.FirstDailyDateKept(session, _settings));
        return new EndOfDayReport(session, pollRows, daily, compaction, removedPolls, removedDaily, Totals());
    }

    /// <summary>The session's poll files, by real path in its current version (a snapshot, so a concurrent swap cannot hide one).</summary>
    private IReadOnlyList<string> PollFiles(DateOnly session) =>
        LakeSnapshot.Take(_lake, Polls).Partitions.Where(p => p.Date == session).SelectMany(p => p.Files).ToArray();

    private static string Read(IReadOnlyList<string> files) =>
        $"read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)";

    /// <summary>Each contract's latest poll of the session, in <c>monitor_daily</c>'s columns.</summary>
    private static string LastPollPerContract(IReadOnlyList<string> files)
    {
        var columns = SqlText.Identifiers(MonitorDatasets.Daily.Columns.Select(c => c.Name));
        return $"SELECT {columns} FROM {Read(files)} QUALIFY row_number() OVER (PARTITION BY ticker ORDER BY poll_ts DESC) = 1";
    }

    private List<DateOnly> RemoveBefore(LakeWriter writer, string dataset, DateOnly firstKept)
    {
        var removed = new List<DateOnly>();
        foreach (var date in _lake.Partitions(dataset).Where(d => d < firstKept))
        {
            if (writer.DeletePartition(dataset, date)) removed.Add(date);
        }
        return removed;
    }

    private IReadOnlyList<LakeInfo> Totals()
    {
        using var session = new LakeSession(_lake, _registry);
        if (!Directory.Exists(_lake.Root)) return [];
        return session.Info().Where(i => MonitorDatasets.All.Any(d => d.Name == i.Dataset)).ToArray();
    }
}
