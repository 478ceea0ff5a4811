namespace Spx.Research.Sinks;

/// <summary>What one partition's upsert did: rows read from the lake, rows new to the sink, rows whose values changed.</summary>
public sealed record SinkPartitionResult(string Dataset, DateOnly Date, long Read, long Inserted, long Updated)
{
    /// <summary>Rows the sink already held with the same values (a re-run's rows: nothing was written for them).</summary>
    public long Unchanged => Read - Inserted - Updated;
}
