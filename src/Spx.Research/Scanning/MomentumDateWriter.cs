using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// One worker of <see cref="MomentumEventStore.Replace"/>: replaces one date's <c>momentum_events</c> partition at a
/// time, through its own <see cref="LakeWriter"/>. When nothing stored must be kept (no partition yet, or only the
/// scanned underlying's rows) the events go to the partition as a column batch, written in C#; when other underlyings'
/// rows are there, the events are staged in DuckDB and merged with those rows in SQL, by column name.
/// </summary>
internal sealed class MomentumDateWriter : IDisposable
{
    private const string NewEvents = "momentum_new_events";
    private static readonly string Dataset = ScanningDatasets.MomentumEvents.Name;
    private readonly LakeLayout _lake;
    private readonly LakeWriter _writer;
    private readonly string _underlying;

    public MomentumDateWriter(LakeLayout lake, DatasetRegistry registry, string underlying)
    {
        _lake = lake;
        _underlying = underlying;
        _writer = new LakeWriter(lake, registry);
        // The connection only serves the rare merge; the run's parallelism is across dates.
        _writer.Connection.ExecuteNonQuery("SET threads = 1");
    }

    /// <summary>Makes <paramref name="date"/>'s partition hold <paramref name="events"/> and the other underlyings' stored rows.</summary>
    public LakeWriteResult Replace(DateOnly date, IReadOnlyList<MomentumEventRow> events)
    {
        var stored = _lake.PartitionFiles(Dataset, date);
        if (!HoldsOtherUnderlyings(stored)) return _writer.ReplacePartition(Dataset, date, MomentumEventBatch.Build(events));

        MomentumEventTable.Stage(_writer.Connection, NewEvents, events);
        var source = $"SELECT * FROM {Read(stored)} WHERE underlying <> {SqlText.Literal(_underlying)} UNION ALL BY NAME SELECT * FROM {NewEvents}";
        return _writer.ReplacePartition(Dataset, date, LakeSource.FromSql(source));
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>Whether a stored row is another underlying's: the footers answer most partitions, a count the rest (an empty file, another writer's).</summary>
    private bool HoldsOtherUnderlyings(IReadOnlyList<string> stored) =>
        stored.Count > 0 && !StoredUnderlyings.OnlyOf(stored, _underlying) &&
        _writer.Connection.ExecuteScalar<long>($"SELECT count(*) FROM {Read(stored)} WHERE underlying <> {SqlText.Literal(_underlying)}") > 0;

    private static string Read(IReadOnlyList<string> files) =>
        $"read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)";
}
