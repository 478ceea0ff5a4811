namespace Spx.Research.Scanning;

/// <summary>
/// The SQL around <see cref="MomentumKernel"/> (docs/scanner.md). One hash aggregation counts each contract-day's bars
/// and takes its terms (<see cref="CountsTable"/>); the kernel's blocks and runs land in two temp tables keyed by
/// <c>hash(ticker)</c>. A date is trusted only when its blocks are exactly its contract-days: one block per
/// contract-day holding all its bars, and no two tickers of the date sharing a hash. Then a block's first bar is the
/// day's first, and its reference, highest close and span are the day's. Every other date goes the SQL way.
/// </summary>
internal static class MomentumKernelQueries
{
    /// <summary>Temp table of contract-days with their bars and terms only: ticker, date, bars, underlying, expiry, option_right, strike.</summary>
    public const string CountsTable = "momentum_scan_counts";

    /// <summary>Temp table of the kernel's blocks (<see cref="MomentumKernelDay"/>).</summary>
    public const string BlocksTable = "momentum_scan_blocks";

    /// <summary>Temp table of the kernel's runs (<see cref="MomentumKernelRun"/>).</summary>
    public const string KernelRunsTable = "momentum_scan_kernel_runs";

    /// <summary>Temp table of the dates the SQL path scans: those whose blocks do not match the days.</summary>
    public const string SqlDatesTable = "momentum_scan_sql_dates";

    /// <summary>Fills <see cref="CountsTable"/> from the scanned bars.</summary>
    public static string CreateCounts(MomentumScanOptions options) => $"""
        CREATE OR REPLACE TEMP TABLE {CountsTable} AS
        SELECT ticker, date, count(*) AS bars, any_value(underlying) AS underlying, any_value(expiry) AS expiry,
               any_value(option_right) AS option_right, any_value(strike) AS strike
        FROM option_bars_1m
        WHERE {MomentumQueries.Filter(options)}
        GROUP BY ticker, date
        """;

    /// <summary>Creates <see cref="BlocksTable"/> and <see cref="KernelRunsTable"/> empty.</summary>
    public static string CreateTables() => $"""
        CREATE OR REPLACE TEMP TABLE {BlocksTable} (
            date DATE, ticker_hash UBIGINT, bars BIGINT, reference DOUBLE, peak_close DOUBLE, first_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ);
        CREATE OR REPLACE TEMP TABLE {KernelRunsTable} (
            date DATE, ticker_hash UBIGINT, trigger_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ, duration BIGINT,
            reference DOUBLE, trigger_close DOUBLE, peak_close DOUBLE, peak_ts TIMESTAMPTZ);
        """;

    /// <summary>
    /// Fills <see cref="SqlDatesTable"/>: dates with a contract-day the kernel did not read as one block of all its
    /// bars (a date it gave up, a split or missing block), or with two tickers of one hash.
    /// </summary>
    public static string CreateSqlDates() => $"""
        CREATE OR REPLACE TEMP TABLE {SqlDatesTable} AS
        SELECT coalesce(c.date, b.date) AS date
        FROM {CountsTable} c FULL JOIN {BlocksTable} b ON b.date = c.date AND b.ticker_hash = hash(c.ticker)
        WHERE c.date IS NULL OR b.date IS NULL OR b.bars <> c.bars
        UNION
        SELECT date FROM {CountsTable} GROUP BY date, hash(ticker) HAVING count(*) > 1
        """;

    /// <summary>Adds the trusted dates' contract-days to <see cref="MomentumQueries.DaysTable"/>: counts and terms from SQL, the rest from the blocks.</summary>
    public static string InsertDays() => $"""
        INSERT INTO {MomentumQueries.DaysTable}
        SELECT row_number() OVER (ORDER BY c.ticker, c.date) AS day_id, c.ticker, c.date, c.bars, b.reference, b.peak_close,
               c.underlying, c.expiry, c.option_right, c.strike, b.first_ts, b.last_ts
        FROM {CountsTable} c JOIN {BlocksTable} b ON b.date = c.date AND b.ticker_hash = hash(c.ticker)
        WHERE c.date NOT IN (SELECT date FROM {SqlDatesTable})
        """;

    /// <summary>The dates in <see cref="SqlDatesTable"/>, in order.</summary>
    public static string SqlDates() => $"SELECT date FROM {SqlDatesTable} ORDER BY date";

    /// <summary>Adds the kernel's runs of trusted dates to <see cref="MomentumQueries.RunsTable"/>, each with its ticker (after <see cref="InsertDays"/>).</summary>
    public static string InsertRuns() => $"""
        INSERT INTO {MomentumQueries.RunsTable}
        SELECT d.ticker, r.date, r.trigger_ts, r.last_ts, r.duration, r.reference, r.trigger_close, r.peak_close, r.peak_ts
        FROM {KernelRunsTable} r JOIN {MomentumQueries.DaysTable} d ON d.date = r.date AND hash(d.ticker) = r.ticker_hash
        WHERE r.date NOT IN (SELECT date FROM {SqlDatesTable})
        """;
}
