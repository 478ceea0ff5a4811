using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Fills <see cref="MomentumQueries.DaysTable"/> and <see cref="MomentumQueries.RunsTable"/> the fast way:
/// <see cref="MomentumKernel"/> reads the scanned bars once, chunk by chunk in stored order (no ORDER BY: DuckDB keeps
/// the files' row order), straight from DuckDB's vectors (<see cref="DuckDbChunkStream"/>). Dates it cannot read in
/// order are then scanned by the SQL path, so the tables end up as <see cref="MomentumScanPath.Sql"/> would fill them.
/// </summary>
/// <remarks>
/// The kernel's loop runs on one core. So the bars stream on a second connection to the same in-memory database, on
/// a thread of their own, while the session's connection runs the caller's work: both cores stay busy. The stream is
/// DuckDB's streaming result, a few chunks ahead of the kernel, never the whole bar set in memory.
/// </remarks>
internal static class MomentumKernelScan
{
    /// <summary>Fills both (empty) tables; returns the dates that went the SQL way.</summary>
    /// <param name="connection">The session's connection, which holds the temp tables.</param>
    /// <param name="options">What to scan.</param>
    /// <param name="alongside">Work for <paramref name="connection"/> while the kernel reads the bars.</param>
    public static IReadOnlyList<DateOnly> Fill(DuckDBConnection connection, MomentumScanOptions options, Action? alongside = null)
    {
        var kernel = ReadAlongside(connection, options, alongside ?? (() => { }));
        AppendDays(connection, options, kernel.Days);
        AppendRuns(connection, kernel.Runs);
        if (kernel.OutOfOrderDates.Count > 0)
        {
            connection.ExecuteNonQuery(MomentumQueries.InsertDays(options, kernel.OutOfOrderDates));
            connection.ExecuteNonQuery(MomentumQueries.InsertRuns(options, kernel.OutOfOrderDates));
        }
        return kernel.OutOfOrderDates;
    }

    /// <summary>Reads the bars through the kernel on a second connection while <paramref name="alongside"/> runs on this one.</summary>
    private static MomentumKernelResult ReadAlongside(DuckDBConnection connection, MomentumScanOptions options, Action alongside)
    {
        using var second = connection.Duplicate();
        second.Open();
        var bars = Task.Run(() => ReadBars(second, MomentumBarColumns.Query(options), options.Threshold));
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

    /// <summary>Runs <paramref name="query"/> (<see cref="MomentumBarColumns"/>' columns) through the kernel.</summary>
    internal static MomentumKernelResult ReadBars(DuckDBConnection connection, string query, double threshold)
    {
        var kernel = new MomentumKernel(threshold);
        using var stream = DuckDbChunkStream.Open(connection, query);
        MomentumBarColumns.Check(stream.Types);
        while (stream.Next() is { } chunk) kernel.Add(chunk);
        return kernel.Finish();
    }

    /// <summary>
    /// The trusted contract-days, numbered from 1 (the SQL path numbers its own on from the highest id). The underlying is
    /// the scanned one: the query keeps only its bars, so the SQL path's <c>any_value(underlying)</c> is always it.
    /// </summary>
    private static void AppendDays(DuckDBConnection connection, MomentumScanOptions options, IReadOnlyList<MomentumKernelDay> days)
    {
        using var appender = connection.CreateAppender(MomentumQueries.DaysTable);
        var id = 0L;
        foreach (var d in days)
        {
            appender.CreateRow()
                .AppendValue(++id).AppendValue(d.Ticker).AppendValue(MomentumKernelResult.Day(d.Date)).AppendValue(d.Bars)
                .AppendValue(d.Reference).AppendValue(d.PeakClose)
                .AppendValue(options.Underlying).AppendValue(MomentumKernelResult.Day(d.Expiry)).AppendValue(d.OptionRight).AppendValue(d.Strike)
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
                .AppendValue(MomentumKernelResult.Instant(r.PeakTs))
                .EndRow();
        }
    }
}
