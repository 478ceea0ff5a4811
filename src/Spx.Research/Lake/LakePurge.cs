using Spx.Research.Configuration;

namespace Spx.Research.Lake;

/// <summary>
/// Removes a dataset's partitions dated before a cutoff, each with <see cref="LakeWriter.DeletePartition"/>: under
/// the partition's write lock, the <c>date=…</c> link goes in one unlink and its version is retired. A purge killed
/// at any moment therefore leaves every partition either whole or gone, never half removed; running it again
/// finishes the job. Retired files are deleted after the writer's grace period (readers may still hold them),
/// by the next purge or write of the dataset.
/// </summary>
public sealed class LakePurge : IDisposable
{
    private readonly LakeWriter _writer;

    /// <summary>A purge of the lake at <paramref name="layout"/>, whose datasets <paramref name="registry"/> declares.</summary>
    public LakePurge(LakeLayout layout, DatasetRegistry registry, LakeWriterOptions? options = null) =>
        _writer = new LakeWriter(layout, registry, options);

    private LakeLayout Layout => _writer.Layout;

    /// <summary>Why <paramref name="dataset"/> cannot be purged by date (one line), or null when it can.</summary>
    public string? Refusal(string dataset)
    {
        if (!_writer.Registry.Contains(dataset))
            return $"unknown dataset '{dataset}': expected one of {string.Join(", ", _writer.Registry.Datasets.Select(d => d.Name))}";
        var folder = Layout.DatasetDirectory(dataset);
        if (!Directory.Exists(folder)) return null;
        var other = Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name[0] is not '.' and not '_')
            .FirstOrDefault(name => !LakeLayout.TryParsePartitionName(name, out _));
        return other is null ? null : $"dataset '{dataset}' is not date-partitioned: {folder} holds '{other}', expected only date=YYYY-MM-DD folders";
    }

    /// <summary>Partitions of <paramref name="dataset"/> dated before <paramref name="before"/>, with what they hold: what <see cref="Run"/> would remove.</summary>
    public IReadOnlyList<PurgedPartition> Plan(string dataset, DateOnly before)
    {
        Refuse(dataset);
        return Layout.Partitions(dataset).Where(d => d < before).Select(d => Describe(dataset, d)).ToArray();
    }

    /// <summary>
    /// Removes the partitions of <paramref name="dataset"/> dated before <paramref name="before"/>, oldest first,
    /// reporting each to <paramref name="removed"/> once it is gone. Returns what was removed.
    /// </summary>
    public IReadOnlyList<PurgedPartition> Run(string dataset, DateOnly before, Action<PurgedPartition>? removed = null)
    {
        var done = new List<PurgedPartition>();
        foreach (var partition in Plan(dataset, before))
        {
            if (!_writer.DeletePartition(dataset, partition.Date)) continue;
            done.Add(partition);
            removed?.Invoke(partition);
        }
        _writer.CollectGarbage(dataset);
        return done;
    }

    /// <summary>
    /// The first date each retention rule keeps, as of <paramref name="today"/>: <c>lake.retention</c> in whole days,
    /// then the monitor's own retention (<see cref="Monitor.EndOfDay.RetentionCutoffs"/>), so one command applies every rule.
    /// </summary>
    public static IReadOnlyList<(string Dataset, DateOnly FirstKept)> RetentionCutoffs(SpxSettings settings, DateOnly today, Market.NyseCalendar calendar) =>
    [
        .. settings.Lake.Retention.Select(r => (r.Dataset, today.AddDays(-(int)r.Keep.TotalDays))),
        (Monitor.MonitorDatasets.Polls.Name, Monitor.EndOfDay.RetentionCutoffs.FirstPollSessionKept(today, settings.Monitor, calendar)),
        (Monitor.MonitorDatasets.Daily.Name, Monitor.EndOfDay.RetentionCutoffs.FirstDailyDateKept(today, settings.Monitor)),
    ];

    /// <summary>Closes the writer's DuckDB connection.</summary>
    public void Dispose() => _writer.Dispose();

    private void Refuse(string dataset)
    {
        if (Refusal(dataset) is { } refusal) throw new ArgumentException(refusal, nameof(dataset));
    }

    private PurgedPartition Describe(string dataset, DateOnly date)
    {
        var files = Layout.PartitionFiles(dataset, date);
        return new PurgedPartition(dataset, date, files.Count, Rows(files), files.Sum(f => new FileInfo(f).Length));
    }

    /// <summary>Rows in the files' footers; null when a file is unreadable (a damaged partition is purged all the same).</summary>
    private long? Rows(IReadOnlyList<string> files)
    {
        if (files.Count == 0) return 0;
        try
        {
            return _writer.Connection.ExecuteScalar<long>(
                $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({SqlText.FileList(files)})");
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            return null;
        }
    }
}
