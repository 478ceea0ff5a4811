using Spx.Research.Lake;

namespace Spx.Research.Monitor.EndOfDay;

/// <summary>What one end-of-day run did, and the monitor datasets' totals afterwards: what <c>spx monitor eod</c> prints.</summary>
/// <param name="Session">The session closed.</param>
/// <param name="PollRows">Poll rows of the session (0: there were none, and nothing was written).</param>
/// <param name="Daily">The session's <c>monitor_daily</c> write; null when the session had no polls.</param>
/// <param name="Compaction">The compaction of the session's poll partition; null when it had no polls.</param>
/// <param name="RemovedPolls">Poll partitions removed by the intraday retention.</param>
/// <param name="RemovedDaily">Daily partitions removed by the daily retention.</param>
/// <param name="Totals">Partitions, files and rows of each monitor dataset after the run.</param>
public sealed record EndOfDayReport(
    DateOnly Session,
    long PollRows,
    LakeWriteResult? Daily,
    LakeWriteResult? Compaction,
    IReadOnlyList<DateOnly> RemovedPolls,
    IReadOnlyList<DateOnly> RemovedDaily,
    IReadOnlyList<LakeInfo> Totals)
{
    /// <summary>One line per step, then one per dataset total.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        if (Daily is null)
        {
            lines.Add($"{Session:yyyy-MM-dd}: no polls stored for this session; nothing to close");
        }
        else
        {
            lines.Add($"{Session:yyyy-MM-dd}: {PollRows} poll rows; monitor_daily {Daily.Rows} contracts ({(Daily.Changed ? "written" : "unchanged")})");
            lines.Add(Compaction!.Changed
                ? $"compacted monitor_polls {LakeLayout.PartitionName(Session)} into 1 file ({Compaction.Rows} rows)"
                : $"monitor_polls {LakeLayout.PartitionName(Session)} already one file ({Compaction.Rows} rows)");
        }
        lines.Add(RemovedPolls.Count == 0 ? "retention: no poll partitions to remove" : $"retention: removed monitor_polls {Dates(RemovedPolls)}");
        lines.Add(RemovedDaily.Count == 0 ? "retention: no daily partitions to remove" : $"retention: removed monitor_daily {Dates(RemovedDaily)}");
        lines.AddRange(Totals.Select(t =>
            $"total {t.Dataset}: {t.Partitions} partitions, {t.Files} files, {t.Rows} rows" + (t.FirstDate is { } first ? $", {first:yyyy-MM-dd}..{t.LastDate:yyyy-MM-dd}" : "")));
        return lines;
    }

    private static string Dates(IEnumerable<DateOnly> dates) => string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
}
