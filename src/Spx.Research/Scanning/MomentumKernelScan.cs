using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Fills <see cref="MomentumQueries.DaysTable"/> and <see cref="MomentumQueries.RunsTable"/> the fast way: the scanned
/// bars stream out of DuckDB as Arrow batches in stored order (no ORDER BY: DuckDB keeps the files' row order) into
/// <see cref="MomentumKernel"/>, and what it finds is appended to the tables. Dates it could not read in order are
/// then scanned by the SQL path, so the tables end up as <see cref="MomentumScanPath.Sql"/> would fill them.
/// </summary>
internal static class MomentumKernelScan
{
    /// <summary>Fills both (empty) tables; returns the dates that went the SQL way.</summary>
    public static IReadOnlyList<DateOnly> Fill(DuckDBConnection connection, MomentumScanOptions options)
    {
        var result = Read(connection, options);
        AppendDays(connection, options, result.Days);
        AppendRuns(connection, result.Runs);
        if (result.OutOfOrderDates.Count > 0)
        {
            connection.ExecuteNonQuery(MomentumQueries.InsertDays(options, result.OutOfOrderDates));
            connection.ExecuteNonQuery(MomentumQueries.InsertRuns(options, result.OutOfOrderDates));
        }
        return result.OutOfOrderDates;
    }

    private static MomentumKernelResult Read(DuckDBConnection connection, MomentumScanOptions options)
    {
        var kernel = new MomentumKernel(options.Threshold);
        using var command = connection.CreateCommand();
        command.CommandText = MomentumBarBatch.Query(options);
        using var stream = command.ExecuteArrowStream();
        // The stream is DuckDB's, in memory: ReadNextRecordBatchAsync completes synchronously.
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch) kernel.Add(MomentumBarBatch.From(batch));
        }
        return kernel.Finish();
    }

    private static void AppendDays(DuckDBConnection connection, MomentumScanOptions options, IReadOnlyList<MomentumKernelDay> days)
    {
        using var appender = connection.CreateAppender(MomentumQueries.DaysTable);
        for (var i = 0; i < days.Count; i++)
        {
            var d = days[i];
            appender.CreateRow()
                .AppendValue(i + 1L).AppendValue(d.Ticker).AppendValue(MomentumKernelResult.Day(d.Date)).AppendValue(d.Bars)
                .AppendValue(d.Reference).AppendValue(d.PeakClose).AppendValue(options.Underlying)
                .AppendValue(MomentumKernelResult.Day(d.Expiry)).AppendValue(d.OptionRight).AppendValue(d.Strike)
                .AppendValue(MomentumKernelResult.Instant(d.FirstTs)).AppendValue(MomentumKernelResult.Instant(d.LastTs))
                .EndRow();
        }
    }

    private static void AppendRuns(DuckDBConnection connection, IReadOnlyList<MomentumKernelRun> runs)
    {
        using var appender = connection.CreateAppender(MomentumQueries.RunsTable);
        foreach (var r in runs)
        {
            appender.CreateRow()
                .AppendValue(r.Ticker).AppendValue(MomentumKernelResult.Day(r.Date))
                .AppendValue(MomentumKernelResult.Instant(r.TriggerTs)).AppendValue(MomentumKernelResult.Instant(r.LastTs))
                .AppendValue(r.Duration).AppendValue(r.Reference).AppendValue(r.TriggerClose).AppendValue(r.PeakClose)
                .EndRow();
        }
    }
}
