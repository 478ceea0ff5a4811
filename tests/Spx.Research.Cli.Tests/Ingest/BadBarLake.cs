using System.Diagnostics;
using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Cli.Tests.Ingest;

/// <summary>
/// A copy of the sample lake whose SPY minute bar at 09:45 New York time on 2025-03-03 has its high one dollar below
/// its low: a simulator serving this lake sends that bad bar over REST (aggs) and over the stream (AM), as a faulty
/// feed would. The copy is written without the bar rules, as the feed's own store would be.
/// </summary>
internal static class BadBarLake
{
    public static readonly DateOnly Day = new(2025, 3, 3);

    public static readonly DateTimeOffset BadBarTs = NewYorkTime.ToUtc(Day, new TimeOnly(9, 45));

    public static string Create(string root)
    {
        var sample = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");
        var copy = Path.Combine(root, "served-lake");
        using (var cp = Process.Start("cp", ["-a", sample, copy])) cp.WaitForExit();
        var layout = new LakeLayout(copy);
        var files = layout.PartitionFiles("stock_bars_1m", Day);
        using var writer = new LakeWriter(layout, DatasetRegistry.Default);
        var bad = $"ticker = 'SPY' AND ts = {SqlText.Instant(BadBarTs)}";
        var result = writer.ReplacePartition("stock_bars_1m", Day, LakeSource.FromSql(
            $"SELECT * REPLACE (CASE WHEN {bad} THEN low - 1 ELSE high END AS high) FROM read_parquet({SqlText.FileList(files)}, hive_partitioning = false)"));
        Assert.True(result.Changed, "the bad bar was not written");
        return copy;
    }

    /// <summary>How many SPY bars at <see cref="BadBarTs"/> a lake stores, and the quarantine reasons of that day's minute bars.</summary>
    public static (long Stored, IReadOnlyList<string> Reasons) Outcome(string lake)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var stored = connection.ExecuteScalar<long>(
            $"SELECT count(*) FROM read_parquet({SqlText.Literal(Path.Combine(lake, "stock_bars_1m", "date=2025-03-03", "*.parquet"))}) WHERE ticker = 'SPY' AND ts = {SqlText.Instant(BadBarTs)}");
        var quarantine = Path.Combine(lake, "_quarantine", "stock_bars_1m", "date=2025-03-03");
        var reasons = new List<string>();
        if (Directory.Exists(quarantine) && Directory.GetFiles(quarantine, "*.parquet").Length > 0)
        {
            using var reader = connection.ExecuteReader($"SELECT reason FROM read_parquet({SqlText.Literal(Path.Combine(quarantine, "*.parquet"))}) ORDER BY reason");
            while (reader.Read()) reasons.Add(reader.GetString(0));
        }
        return (stored, reasons);
    }
}
