using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Streaming.Tests.Ingest;

/// <summary>
/// Row-for-row comparison, in DuckDB, of what a stream recorded with the source lake the simulator replayed:
/// the rows of both sides in a time window, as multisets (EXCEPT ALL both ways), on the columns the wire carries.
/// </summary>
internal static class LakeComparison
{
    /// <summary>The columns the wire carries, per dataset; the simulator sends <c>vw</c> as <c>coalesce(vwap, close)</c>.</summary>
    public static string Columns(string dataset) => dataset.Replace("_late", "", StringComparison.Ordinal) switch
    {
        "stock_bars_1s" or "stock_bars_1m" => "ticker, ts, open, high, low, close, volume, coalesce(vwap, close) AS vwap",
        "index_bars_1m" => "ticker, ts, open, high, low, close",
        "option_bars_1m" => "ticker, underlying, expiry, option_right, strike, ts, open, high, low, close, volume, coalesce(vwap, close) AS vwap",
        _ => throw new ArgumentException(dataset),
    };

    /// <summary>Rows in one side and not the other (0 when equal), and the recorded row count.</summary>
    public static (long Differences, long Recorded) Compare(string recordedLake, string dataset, string sourceLake, string sourceDataset, DateTimeOffset from, DateTimeOffset until, string? where = null)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        db.ExecuteNonQuery("SET TimeZone = 'UTC'");
        var columns = Columns(dataset);
        var window = $"ts >= {SqlText.Instant(from)} AND ts < {SqlText.Instant(until)}" + (where is null ? "" : $" AND {where}");
        var recorded = $"SELECT {columns} FROM {Read(recordedLake, dataset)} WHERE {window}";
        var source = $"SELECT {columns} FROM {Read(sourceLake, sourceDataset)} WHERE {window}";
        var differences = db.ExecuteScalar<long>($"SELECT count(*) FROM (({recorded} EXCEPT ALL {source}) UNION ALL ({source} EXCEPT ALL {recorded}))");
        var count = db.ExecuteScalar<long>($"SELECT count(*) FROM {Read(recordedLake, dataset)}");
        return (differences, count);
    }

    /// <summary>How many rows of the source lake fall in the window (to show a comparison is not of two empty sets).</summary>
    public static long SourceRows(string sourceLake, string dataset, DateTimeOffset from, DateTimeOffset until, string? where = null)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        return db.ExecuteScalar<long>($"SELECT count(*) FROM {Read(sourceLake, dataset)} WHERE ts >= {SqlText.Instant(from)} AND ts < {SqlText.Instant(until)}" + (where is null ? "" : $" AND {where}"));
    }

    /// <summary>Rows whose key appears more than once in the recorded dataset.</summary>
    public static long DuplicateKeys(string lake, string dataset)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        return db.ExecuteScalar<long>($"SELECT count(*) FROM (SELECT ticker, ts FROM {Read(lake, dataset)} GROUP BY ALL HAVING count(*) > 1)");
    }

    /// <summary>A query over the current files of every partition of a dataset; a dataset with none is a test failure.</summary>
    private static string Read(string lake, string dataset)
    {
        var layout = new LakeLayout(lake);
        var files = layout.Partitions(dataset).SelectMany(d => Directory.GetFiles(layout.PartitionDirectory(dataset, d), "*.parquet")).ToList();
        if (files.Count == 0) throw new InvalidOperationException($"{dataset} has no files in {lake}");
        return $"read_parquet({SqlText.FileList(files)})";
    }
}
