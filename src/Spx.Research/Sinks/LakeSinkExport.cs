using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Sinks;

/// <summary>
/// Copies a dataset's partitions from the lake into an <see cref="ILakeSink"/>, one partition per sink
/// transaction. Rows are streamed from DuckDB (its streaming result, one vector at a time) straight into the
/// sink, so memory stays bounded by DuckDB's chunk, not by the partition.
/// </summary>
/// <remarks>
/// Why one transaction per partition: a partition is the lake's unit of change (a replace publishes a whole
/// new version), so the sink moves from one published version to the next in one step too; an export killed
/// half way leaves whole partitions behind, and running it again redoes only what is missing or changed. One
/// transaction for a whole dataset would hold locks and a staging table as large as the year; one per batch
/// would let consumers see half a partition. It also makes <see cref="LakeSession.Run{T}"/>'s retry safe: a
/// read that fails because a snapshot file vanished rolls the transaction back before the retry rewrites it.
/// </remarks>
public static class LakeSinkExport
{
    /// <summary>
    /// Exports the partitions of <paramref name="dataset"/> dated <paramref name="from"/> to <paramref name="to"/>
    /// (inclusive; null for open ends), reporting each partition to <paramref name="progress"/> as it commits.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The dataset is not registered (the message lists the known ones).</exception>
    public static SinkExportResult Run(
        LakeSession session, ILakeSink sink, string dataset, DateOnly? from = null, DateOnly? to = null, Action<SinkPartitionResult>? progress = null)
    {
        var schema = session.Registry[dataset];
        sink.Prepare(schema);
        var results = new List<SinkPartitionResult>();
        foreach (var date in session.Layout.Partitions(dataset).Where(d => (from is null || d >= from) && (to is null || d <= to)))
        {
            var result = session.Run(connection => WritePartition(connection, sink, schema, date));
            results.Add(result);
            progress?.Invoke(result);
        }
        return new SinkExportResult(dataset, results);
    }

    private static SinkPartitionResult WritePartition(DuckDBConnection connection, ILakeSink sink, DatasetSchema schema, DateOnly date)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select(schema, date);
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        return sink.Write(schema, date, reader);
    }

    /// <summary>The partition's rows, the declared columns in declared order.</summary>
    internal static string Select(DatasetSchema schema, DateOnly date) =>
        $"SELECT {SqlText.Identifiers(schema.Columns.Select(c => c.Name))} FROM {SqlText.Identifier(schema.Name)} " +
        $"WHERE {SqlText.Identifier(LakeLayout.PartitionColumn)} = {SqlText.Date(date)}";
}
