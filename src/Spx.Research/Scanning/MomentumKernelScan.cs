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
internal static class MomentumKernelScan
{
    /// <summary>Fills both (empty) tables; returns the dates that went the SQL way.</summary>
    public static IReadOnlyList<DateOnly> Fill(DuckDBConnection connection, MomentumScanOptions options)
    {
        connection.ExecuteNonQuery(MomentumKernelQueries.CreateCounts(options));
        var result = Read(connection, options);
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
