using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// One worker of <see cref="MomentumEventStore.Replace"/>: replaces one date's <c>momentum_events</c> partition at a
/// time, through its own <see cref="LakeWriter"/>, with the scan's events as a column batch written from C#, plus
/// the other underlyings' stored rows when there are any (<see cref="MomentumKeptRows"/>, read on the writer's DuckDB
/// connection).
/// </summary>
internal sealed class MomentumDateWriter : IDisposable
{
    private static readonly string Dataset = ScanningDatasets.MomentumEvents.Name;
    private readonly LakeLayout _lake;
    private readonly LakeWriter _writer;
    private readonly string _underlying;

    public MomentumDateWriter(LakeLayout lake, DatasetRegistry registry, string underlying)
    {
        _lake = lake;
        _underlying = underlying;
        _writer = new LakeWriter(lake, registry);
        // The connection only reads kept rows, a partition at a time; the run's parallelism is across dates.
        _writer.Connection.ExecuteNonQuery("SET threads = 1");
    }

    /// <summary>Makes <paramref name="date"/>'s partition hold <paramref name="events"/> and the other underlyings' stored rows.</summary>
    public LakeWriteResult Replace(DateOnly date, IReadOnlyList<MomentumEventRow> events)
    {
        var rows = MomentumEventBatch.Build(events);
        var stored = _lake.PartitionFiles(Dataset, date);
        if (MomentumKeptRows.Read(_writer.Connection, stored, _underlying) is { } kept) rows = rows.Concat(kept);   // the write sorts by key
        return _writer.ReplacePartition(Dataset, date, rows);
    }

    public void Dispose() => _writer.Dispose();
}
