using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Fills <see cref="MomentumQueries.DaysTable"/> and <see cref="MomentumQueries.RunsTable"/> the fast way: each
/// contract-day's bar count, ticker and terms by one SQL aggregation (<see cref="MomentumKernelQueries.Counts"/>),
/// everything else by <see cref="MomentumKernel"/> over the scanned bars streamed out of DuckDB as Arrow batches in
/// stored order (no ORDER BY: DuckDB keeps the files' row order). Dates whose blocks do not match the counts
/// (<see cref="MomentumKernelCheck"/>) are then scanned by the SQL path, so the tables end up as
/// <see cref="MomentumScanPath.Sql"/> would fill them.
/// </summary>
/// <remarks>
/// The kernel's loop runs on one core. So the bars stream on a second connection to the same in-memory database, on
/// a thread of their own, while the session's connection counts the contract-days (and runs the caller's work): both
/// cores stay busy. The stream is DuckDB's streaming result, a few chunks ahead of the kernel, never the whole bar
/// set in memory; and the check is C# over the few thousand rows of each side, so nothing but the two tables is
/// materialised.
/// </remarks>
internal static class MomentumKernelScan
{
    /// <summary>Fills both (empty) tables; returns the dates that went the SQL way.</summary>
    /// <param name="connection">The session's connection, which holds the temp tables.</param>
    /// <param name="options">What to scan.</param>
    /// <param name="alongside">Work for <paramref name="connection"/> while the kernel reads the bars, after the counts.</param>
    public static IReadOnlyList<DateOnly> Fill(DuckDBConnection connection, MomentumScanOptions options, Action? alongside = null)
    {
        IReadOnlyList<MomentumKernelCount> counts = [];
        var kernel = ReadAlongside(connection, options, () =>
        {
            counts = ReadCounts(connection, options);
            alongside?.Invoke();
        });
        var match = MomentumKernelCheck.Match(counts, kernel);
        AppendDays(connection, match.Days);
        AppendRuns(connection, match.Runs);
        if (match.SqlDates.Count > 0)
        {
            connection.ExecuteNonQuery(MomentumQueries.InsertDays(options, match.SqlDates));
            connection.ExecuteNonQuery(MomentumQueries.InsertRuns(options, match.SqlDates));
        }
        return match.SqlDates;
    }

    /// <summary>Reads the bars through the kernel on a second connection while <paramref name="alongside"/> runs on this one.</summary>
    private static MomentumKernelResult ReadAlongside(DuckDBConnection connection, MomentumScanOptions options, Action alongside)
    {
        using var second = connection.Duplicate();
        second.Open();
        var bars = Task.Run(() => ReadBars(second, options));
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

    private static MomentumKernelResult ReadBars(DuckDBConnection connection, MomentumScanOptions options)
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

    private static List<MomentumKernelCount> ReadCounts(DuckDBConnection connection, MomentumScanOptions options)
    {
        using var reader = connection.ExecuteReader(MomentumKernelQueries.Counts(options));
        var counts = new List<MomentumKernelCount>();
        while (reader.Read())
        {
            counts.Add(new MomentumKernelCount(
                MomentumKernelResult.ArrowDay(DateOnly.FromDateTime(reader.GetDateTime(0))), reader.GetString(1), reader.GetFieldValue<ulong>(2),
                reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : DateOnly.FromDateTime(reader.GetDateTime(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetDouble(7)));
        }
        return counts;
    }

    /// <summary>The trusted contract-days, numbered from 1 (the SQL path numbers its own on from the highest id).</summary>
    private static void AppendDays(DuckDBConnection connection, IReadOnlyList<(MomentumKernelCount Count, MomentumKernelDay Block)> days)
    {
        using var appender = connection.CreateAppender(MomentumQueries.DaysTable);
        var id = 0L;
        foreach (var (c, b) in days)
        {
            appender.CreateRow()
                .AppendValue(++id).AppendValue(c.Ticker).AppendValue(MomentumKernelResult.Day(c.Date)).AppendValue(c.Bars)
                .AppendValue(b.Reference).AppendValue(b.PeakClose)
                .AppendValue(c.Underlying).AppendValue(c.Expiry).AppendValue(c.OptionRight).AppendValue(c.Strike)
                .AppendValue(MomentumKernelResult.Instant(b.FirstTs)).AppendValue(MomentumKernelResult.Instant(b.LastTs))
                .EndRow();
        }
    }

    private static void AppendRuns(DuckDBConnection connection, IReadOnlyList<(string Ticker, MomentumKernelRun Run)> runs)
    {
        using var appender = connection.CreateAppender(MomentumQueries.RunsTable);
        foreach (var (ticker, r) in runs)
        {
            appender.CreateRow()
                .AppendValue(ticker).AppendValue(MomentumKernelResult.Day(r.Date))
                .AppendValue(MomentumKernelResult.Instant(r.TriggerTs)).AppendValue(MomentumKernelResult.Instant(r.LastTs))
                .AppendValue(r.Duration).AppendValue(r.Reference).AppendValue(r.TriggerClose).AppendValue(r.PeakClose)
                .AppendValue(MomentumKernelResult.Instant(r.PeakTs))
                .EndRow();
        }
    }
}
