using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// The rows of other underlyings stored in a date's <c>momentum_events</c> partition, which a scan's replace keeps.
/// Read by column name: a file written before a nullable column existed reads it as NULL, and every column the
/// dataset declares that the rows have (the explaining delta and gamma) is kept with them.
/// </summary>
internal static class MomentumKeptRows
{
    private static readonly DatasetSchema Schema = ScanningDatasets.MomentumEvents;

    /// <summary>
    /// The stored rows not of <paramref name="underlying"/>, in the dataset's columns; null, without a query, when the
    /// files' footers prove there are none (<see cref="StoredUnderlyings"/>: most partitions a scan rewrites).
    /// </summary>
    public static ColumnBatch? Read(DuckDBConnection connection, IReadOnlyList<string> stored, string underlying)
    {
        if (stored.Count == 0 || StoredUnderlyings.OnlyOf(stored, underlying)) return null;
        // The union with an empty relation of every declared column supplies those no stored file has.
        var kept = connection.ExecuteColumnar(
            $"SELECT {SqlText.TypedColumns(Schema)} FROM ((SELECT * FROM {ReadFiles(stored)} WHERE underlying <> {SqlText.Literal(underlying)}) " +
            $"UNION ALL BY NAME (SELECT {SqlText.TypedColumns(Schema, "NULL")} WHERE false))");
        return ColumnBatch.From(kept, Schema);
    }

    private static string ReadFiles(IReadOnlyList<string> files) =>
        $"read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)";
}
