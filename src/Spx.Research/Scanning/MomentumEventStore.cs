using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Stores a scan's events in <c>momentum_events</c>: each scanned date's partition is replaced by the rows
/// of other underlyings already there plus this scan's, so running the same scan again changes nothing
/// (same rows, same file) and a scan of SPX keeps SPY's events. A date with bars but no events gets an
/// empty partition: "scanned, nothing found" rather than "not scanned".
/// </summary>
/// <remarks>
/// Existing rows are copied by column name in SQL, so columns added to the dataset later (the explaining
/// delta and gamma, docs/consolidation.md) survive a re-scan of another underlying. Two scans of the same date
/// must not run at once: each replaces the partition with what it read before.
/// </remarks>
public static class MomentumEventStore
{
    private const string NewEvents = "momentum_new_events";

    /// <summary>Writes <paramref name="scan"/>'s events, one partition replace per date; returns the rows written per date.</summary>
    public static IReadOnlyList<LakeWriteResult> Replace(LakeLayout lake, DatasetRegistry registry, MomentumScan scan)
    {
        var schema = ScanningDatasets.MomentumEvents;
        if (!registry.Contains(schema.Name)) registry = registry.Register(schema);
        using var writer = new LakeWriter(lake, registry);
        Stage(writer.Connection, scan.Events);
        var underlying = SqlText.Literal(scan.Summary.Options.Underlying);
        var results = new List<LakeWriteResult>();
        foreach (var date in scan.Dates)
        {
            var fresh = $"SELECT * EXCLUDE (date) FROM {NewEvents} WHERE date = {SqlText.Date(date)}";
            var files = lake.PartitionFiles(schema.Name, date);
            var source = files.Count == 0
                ? fresh
                : $"SELECT * FROM read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false) " +
                  $"WHERE underlying <> {underlying} UNION ALL BY NAME {fresh}";
            results.Add(writer.ReplacePartition(schema.Name, date, LakeSource.FromSql(source)));
        }
        return results;
    }

    /// <summary>
    /// The events in a table on the writer's connection, in the columns <see cref="MomentumEventRow"/> carries
    /// plus <c>date</c>; the partition write checks them against the dataset's schema.
    /// </summary>
    private static void Stage(DuckDBConnection connection, IReadOnlyList<MomentumEventRow> events)
    {
        connection.ExecuteNonQuery($"""
            CREATE OR REPLACE TABLE {NewEvents} (
                ticker VARCHAR, underlying VARCHAR, expiry DATE, option_right VARCHAR, strike DOUBLE,
                trigger_ts TIMESTAMPTZ, trigger_hour INTEGER, last_ts TIMESTAMPTZ, duration BIGINT,
                threshold DOUBLE, reference DOUBLE, trigger_close DOUBLE, peak_close DOUBLE,
                max_return DOUBLE, underlying_price DOUBLE, delta DOUBLE, gamma DOUBLE, spot_move DOUBLE,
                explained_move DOUBLE, unexplained_share DOUBLE, date DATE)
            """);
        using var appender = connection.CreateAppender(NewEvents);
        foreach (var e in events)
        {
            appender.CreateRow()
                .AppendValue(e.Ticker).AppendValue(e.Underlying).AppendValue(e.Expiry).AppendValue(e.OptionRight).AppendValue(e.Strike)
                .AppendValue(e.TriggerTs.UtcDateTime).AppendValue(e.TriggerHour).AppendValue(e.LastTs.UtcDateTime).AppendValue(e.Duration)
                .AppendValue(e.Threshold).AppendValue(e.Reference).AppendValue(e.TriggerClose).AppendValue(e.PeakClose)
                .AppendValue(e.MaxReturn).AppendValue(e.UnderlyingPrice).AppendValue(e.Delta).AppendValue(e.Gamma)
                .AppendValue(e.SpotMove).AppendValue(e.ExplainedMove).AppendValue(e.UnexplainedShare).AppendValue(e.Date)
                .EndRow();
        }
    }
}
