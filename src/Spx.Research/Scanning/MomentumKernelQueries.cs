namespace Spx.Research.Scanning;

/// <summary>
/// The SQL around <see cref="MomentumKernel"/> (docs/scanner.md): its blocks and runs land in two temp tables keyed by
/// <c>hash(ticker)</c>; a date is trusted only when its blocks are exactly <see cref="MomentumQueries.DaysTable"/>'s
/// contract-days (same bars, first and last bar, reference, and no two tickers of the date sharing a hash). The runs
/// of trusted dates then get their ticker back from the days; every other date goes the SQL way.
/// </summary>
internal static class MomentumKernelQueries
{
    /// <summary>Temp table of the kernel's blocks (<see cref="MomentumKernelDay"/>).</summary>
    public const string BlocksTable = "momentum_scan_blocks";

    /// <summary>Temp table of the kernel's runs (<see cref="MomentumKernelRun"/>).</summary>
    public const string KernelRunsTable = "momentum_scan_kernel_runs";

    /// <summary>Temp table of the dates the SQL path scans: those whose blocks do not match the days.</summary>
    public const string SqlDatesTable = "momentum_scan_sql_dates";

    /// <summary>Creates <see cref="BlocksTable"/> and <see cref="KernelRunsTable"/> empty.</summary>
    public static string CreateTables() => $"""
        CREATE OR REPLACE TEMP TABLE {BlocksTable} (
            date DATE, ticker_hash UBIGINT, bars BIGINT, reference DOUBLE, first_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ);
        CREATE OR REPLACE TEMP TABLE {KernelRunsTable} (
            date DATE, ticker_hash UBIGINT, trigger_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ, duration BIGINT,
            reference DOUBLE, trigger_close DOUBLE, peak_close DOUBLE);
        """;

    /// <summary>
    /// Fills <see cref="SqlDatesTable"/>: dates with a contract-day the kernel did not read as one block of the same
    /// bars (a date it gave up, a split or missing block, a different reference), or with two tickers of one hash.
    /// </summary>
    public static string CreateSqlDates() => $"""
        CREATE OR REPLACE TEMP TABLE {SqlDatesTable} AS
        SELECT coalesce(d.date, b.date) AS date
        FROM {MomentumQueries.DaysTable} d FULL JOIN {BlocksTable} b ON b.date = d.date AND b.ticker_hash = hash(d.ticker)
        WHERE d.date IS NULL OR b.date IS NULL OR b.bars <> d.bars OR b.reference IS DISTINCT FROM d.reference
           OR b.first_ts <> d.first_ts OR b.last_ts <> d.last_ts
        UNION
        SELECT date FROM {MomentumQueries.DaysTable} GROUP BY date, hash(ticker) HAVING count(*) > 1
        """;

    /// <summary>The dates in <see cref="SqlDatesTable"/>, in order.</summary>
    public static string SqlDates() => $"SELECT date FROM {SqlDatesTable} ORDER BY date";

    /// <summary>Adds the kernel's runs of trusted dates to <see cref="MomentumQueries.RunsTable"/>, each with its ticker.</summary>
    public static string InsertRuns() => $"""
        INSERT INTO {MomentumQueries.RunsTable}
        SELECT d.ticker, r.date, r.trigger_ts, r.last_ts, r.duration, r.reference, r.trigger_close, r.peak_close
        FROM {KernelRunsTable} r JOIN {MomentumQueries.DaysTable} d ON d.date = r.date AND hash(d.ticker) = r.ticker_hash
        WHERE r.date NOT IN (SELECT date FROM {SqlDatesTable})
        """;
}
