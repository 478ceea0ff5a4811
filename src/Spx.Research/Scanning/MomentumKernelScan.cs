using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Fills <see cref="MomentumQueries.DaysTable"/> and <see cref="MomentumQueries.RunsTable"/> the fast way: each
/// contract-day's bar count and terms by one SQL aggregation, everything else by <see cref="MomentumKernel"/> over the
/// scanned bars streamed out of DuckDB as Arrow batches in stored order (no ORDER BY: DuckDB keeps the files' row
/// order). Dates whose blocks do not match the counts (<see cref="MomentumKernelQueries"/>) are then scanned by the SQL
/// path, so the tables end up as <see cref="MomentumScanPath.Sql"/> would fill them.
/// </summary>
/// <remarks>
/// The kernel's loop runs on one core. So the bars stream on a second connection to the same in-memory database, on
/// a thread of their own, while the session's connection counts the contract-days (and runs the caller's work): both
/// cores stay busy. The stream is DuckDB's streaming result, a few chunks ahead of the kernel, never the whole bar
/// set in memory.
/// </remarks>
internal static class MomentumKernelScan
{
    /// <summary>Fills both (empty) tables; returns the dates that went the SQL way.</summary>
    /// <param name="connection">The session's connection, which holds the temp tables.</param>
    /// <param name="options">What to scan.</param>
    /// <param name="alongside">Work for <paramref name="connection"/> while the kernel reads the bars, after the counts.</param>
    public static IReadOnlyList<DateOnly> Fill(DuckDBConnection connection, MomentumScanOptions options, Action? alongside = null)
    {
        var result = ReadAlongside(connection, options, () =>
        {
            connection.ExecuteNonQuery(MomentumKernelQueries.CreateCounts(options));
            alongside?.Invoke();
        });
        connection.ExecuteNonQuery(MomentumKernelQueries.CreateTables());
        AppendBlocks(connection, result.Days);
        AppendRuns(connection, result.Runs);
        connection.ExecuteNonQuery(MomentumKernelQueries.CreateSqlDates());
        connection.ExecuteNonQuery(MomentumKernelQueries.InsertDays());
        connection.ExecuteNonQuery(MomentumKernelQueries.InsertRuns());
        var sqlDates = ReadDates(connection);
        if (sqlDates.Count > 0)
        {
            connection.ExecuteNonQuery(MomentumQueries.InsertDays(options, sqlDates));
            connection.ExecuteNonQuery(MomentumQueries.InsertRuns(options, sqlDates));
        }
        return sqlDates;
    }

    /// <summary>Reads the bars through the kernel on a second connection while <paramref name="alongside"/> runs on this one.</summary>
    private static MomentumKernelResult ReadAlongside(DuckDBConnection connection, MomentumScanOptions options, Action alongside)
    {
        using var second = connection.Duplicate();
        second.Open();
        var bars = Task.Run(() => Read(second, options));
        try
        {
            alongside();
        }
        finally
        {
            // Never leave the second connection mid-query; a failure of its own surfaces below.
            Task.WaitAny(bars);
        }
        return bars.GetAwaiter().GetResult();
    }

    private static MomentumKernelResult Read(DuckDBConnection connection, MomentumScanOptions options)
    {
        var kernel = new MomentumKernel(options.Threshold);
        using var command = connection.CreateCommand();
        command.CommandText = MomentumBarBatch.Query(options);
        command.UseStreamingMode = true;
        using var stream = command.ExecuteArrowStream();
        // The stream is DuckDB's, in memory: ReadNextRecordBatchAsync completes synchronously.
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch) kernel.Add(MomentumBarBatch.From(batch));
        }
        return kernel.Finish();
    }

    private static void AppendBlocks(DuckDBConnection connection, IReadOnlyList<MomentumKernelDay> blocks)
    {
        using var appender = connection.CreateAppender(MomentumKernelQueries.BlocksTable);
        foreach (var b in blocks)
        {
            appender.CreateRow()
                .AppendValue(MomentumKernelResult.Day(b.Date)).AppendValue(b.TickerHash).AppendValue(b.Bars).AppendValue(b.Reference).AppendValue(b.PeakClose)
                .AppendValue(MomentumKernelResult.Instant(b.FirstTs)).AppendValue(MomentumKernelResult.Instant(b.LastTs))
                .EndRow();
        }
    }

    private static void AppendRuns(DuckDBConnection connection, IReadOnlyList<MomentumKernelRun> runs)
    {
        using var appender = connection.CreateAppender(MomentumKernelQueries.KernelRunsTable);
        foreach (var r in runs)
        {
            appender.CreateRow()
                .AppendValue(MomentumKernelResult.Day(r.Date)).AppendValue(r.TickerHash)
                .AppendValue(MomentumKernelResult.Instant(r.TriggerTs)).AppendValue(MomentumKernelResult.Instant(r.LastTs))
                .AppendValue(r.Duration).AppendValue(r.Reference).AppendValue(r.TriggerClose).AppendValue(r.PeakClose)
                .AppendValue(MomentumKernelResult.Instant(r.PeakTs))
                .EndRow();
        }
    }

    private static List<DateOnly> ReadDates(DuckDBConnection connection)
    {
        using var reader = connection.ExecuteReader(MomentumKernelQueries.SqlDates());
        var dates = new List<DateOnly>();
        while (reader.Read()) dates.Add(DateOnly.FromDateTime(reader.GetDateTime(0)));
        return dates;
    }
}
