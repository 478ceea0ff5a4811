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
/// The bars stream on connections of their own to the same in-memory database, one per range of dates
/// (<see cref="MomentumDateRange"/>), each on a thread with its own kernel, while the session's connection runs the
/// caller's work: with the dates shared out, every core has a stream to read (docs/scanner.md). Each stream is DuckDB's
/// streaming result, a few chunks ahead of its kernel, never the whole bar set in memory.
/// </remarks>
internal static class MomentumKernelScan
{
    /// <summary>Fills both (empty) tables; returns the dates that went the SQL way.</summary>
    /// <param name="connection">The session's connection, which holds the temp tables.</param>
    /// <param name="options">What to scan.</param>
    /// <param name="ranges">The dates each worker reads (default: one worker for all); together they must cover every date.</param>
    /// <param name="alongside">Work for <paramref name="connection"/> while the kernels read the bars.</param>
    public static IReadOnlyList<DateOnly> Fill(
        DuckDBConnection connection, MomentumScanOptions options, IReadOnlyList<MomentumDateRange>? ranges = null, Action? alongside = null)
    {
        var kernel = MomentumKernelResult.Merge(ReadAlongside(connection, options, ranges ?? [MomentumDateRange.All], alongside ?? (() => { })));
        AppendDays(connection, options, kernel.Days);
        AppendRuns(connection, kernel.Runs);
        if (kernel.OutOfOrderDates.Count > 0)
        {
            connection.ExecuteNonQuery(MomentumQueries.InsertDays(options, kernel.OutOfOrderDates));
            connection.ExecuteNonQuery(MomentumQueries.InsertRuns(options, kernel.OutOfOrderDates));
        }
        return kernel.OutOfOrderDates;
    }

    /// <summary>Reads each range's bars through a kernel on a connection of its own while <paramref name="alongside"/> runs on this one.</summary>
    private static MomentumKernelResult[] ReadAlongside(
        DuckDBConnection connection, MomentumScanOptions options, IReadOnlyList<MomentumDateRange> ranges, Action alongside)
    {
        var workers = new List<(DuckDBConnection Connection, Task<MomentumKernelResult> Bars)>();
        try
        {
            foreach (var range in ranges)
            {
                var own = connection.Duplicate();
                own.Open();
                workers.Add((own, Task.Run(() => ReadBars(own, MomentumBarColumns.Query(options, range), options.Threshold))));
            }
            alongside();
        }
        finally
        {
            // Never leave a connection mid-query: wait for every worker; a worker's own failure surfaces below.
            try
            {
                Task.WaitAll(workers.Select(w => w.Bars));
            }
            catch (AggregateException)
            {
            }
            foreach (var (own, _) in workers) own.Dispose();
        }
        return workers.Select(w => w.Bars.GetAwaiter().GetResult()).ToArray();
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
