namespace Spx.Research.Sinks;

/// <summary>The totals of one dataset's export, with the partitions it covered.</summary>
public sealed record SinkExportResult(string Dataset, IReadOnlyList<SinkPartitionResult> Partitions)
{
    /// <summary>Rows read from the lake.</summary>
    public long Read => Partitions.Sum(p => p.Read);

    /// <summary>Rows new to the sink.</summary>
    public long Inserted => Partitions.Sum(p => p.Inserted);

    /// <summary>Rows whose values changed.</summary>
    public long Updated => Partitions.Sum(p => p.Updated);

    /// <summary>Rows the sink already held as they are.</summary>
    public long Unchanged => Partitions.Sum(p => p.Unchanged);
}
