using System.Globalization;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// The momentum scan's SQL over the lake's views (docs/scanner.md). Two temp tables on the session's connection:
/// <see cref="DaysTable"/>, one row per contract-day (one ticker on one New York date with at least one bar), and
/// <see cref="RunsTable"/>, one row per run of above bars; and a temp view, <see cref="EventsTable"/>, of the runs with
/// their terms, the underlying's price and the explained move (<see cref="MomentumEventQueries"/>). The summary is
/// aggregated from the two tables. <see cref="MomentumKernel"/>
/// fills the first two in one pass over bars stored in order; <see cref="InsertDays"/> and <see cref="InsertRuns"/>
/// fill them for dates it cannot read in order, and are the whole scan when asked for (<see cref="MomentumScanPath.Sql"/>).
/// </summary>
/// <remarks>
/// Events are gaps and islands: number every bar of a contract-day in bar order, keep the bars that close
/// above, and number those again; within one run of consecutive above bars the two numbers rise together,
/// so their difference names the run. A time gap between bars is not a missing bar, so it cannot break a run.
/// Both window passes order each contract-day by <c>ts</c>; the second sees only above bars.
/// </remarks>
public static class MomentumQueries
{
    /// <summary>Temp table of contract-days: id, ticker, date, bars, reference, highest close, terms, first and last bar.</summary>
    public const string DaysTable = "momentum_scan_days";

    /// <summary>
    /// Temp table of runs of above bars: ticker, date, trigger and last bar, duration, reference, trigger and peak close,
    /// and the peak bar (the run's first bar that reaches the peak close).
    /// </summary>
    public const string RunsTable = "momentum_scan_runs";

    /// <summary>
    /// Temp view of the events, in <see cref="ScanningDatasets.MomentumEvents"/>'s columns plus <c>date</c>: one row per
    /// run. A view, not a table: <see cref="MomentumScanner"/> reads it once, and materialising 116 k wide rows cost
    /// more than the joins behind them.
    /// </summary>
    public const string EventsTable = "momentum_scan_events";

    /// <summary>
    /// Relative slack on the threshold, so a close that equals reference × (1 + threshold) in decimals counts
    /// although the product rounds a hair above it in binary (5.15 × 1.2 = 6.180000000000001). One part in
    /// 10¹² is far below a price tick and far above the rounding of two multiplications.
    /// </summary>
    public const double TieTolerance = 1e-12;

    private const string Zone = "America/New_York";

    /// <summary>Creates <see cref="DaysTable"/> and <see cref="RunsTable"/> empty; both paths fill them (docs/scanner.md).</summary>
    public static string CreateTables() => $"""
        CREATE OR REPLACE TEMP TABLE {DaysTable} (
            day_id BIGINT, ticker VARCHAR, date DATE, bars BIGINT, reference DOUBLE, peak_close DOUBLE,
            underlying VARCHAR, expiry DATE, option_right VARCHAR, strike DOUBLE, first_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ);
        CREATE OR REPLACE TEMP TABLE {RunsTable} (
            ticker VARCHAR, date DATE, trigger_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ, duration BIGINT,
            reference DOUBLE, trigger_close DOUBLE, peak_close DOUBLE, peak_ts TIMESTAMPTZ);
        """;

    /// <summary>
    /// Adds to <see cref="DaysTable"/> the contract-days of <paramref name="dates"/> (every scanned date when null):
    /// one hash aggregation gives each its bars, its reference (the open of its first bar), its terms and a small
    /// integer id, numbered on from the ids already there, for the window pass.
    /// </summary>
    public static string InsertDays(MomentumScanOptions options, IReadOnlyCollection<DateOnly>? dates = null) => $"""
        INSERT INTO {DaysTable}
        SELECT row_number() OVER (ORDER BY ticker, date) + (SELECT coalesce(max(day_id), 0) FROM {DaysTable}) AS day_id,
               ticker, date, bars, reference, peak_close, underlying, expiry, option_right, strike, first_ts, last_ts
        FROM (
            SELECT ticker, date, count(*) AS bars, arg_min(open, ts) AS reference, max(close) AS peak_close,
                   any_value(underlying) AS underlying, any_value(expiry) AS expiry,
                   any_value(option_right) AS option_right, any_value(strike) AS strike,
                   min(ts) AS first_ts, max(ts) AS last_ts
            FROM option_bars_1m
            WHERE {Filter(options, dates: dates)}
            GROUP BY ticker, date
        )
        """;

    /// <summary>
    /// Adds to <see cref="RunsTable"/> the runs of the contract-days of <paramref name="dates"/> (every scanned date
    /// when null), after <see cref="InsertDays"/>, by gaps and islands. Only contract-days whose highest close is
    /// above take part (the others cannot have an event), and the windows partition by the contract-day's integer
    /// id rather than by ticker and date, so the sort compares numbers, not strings (docs/scanner.md). The peak bar is
    /// the above bar of the run with the highest close, the earliest of those tied (NaN counts highest, as in max).
    /// </summary>
    public static string InsertRuns(MomentumScanOptions options, IReadOnlyCollection<DateOnly>? dates = null) => $"""
        INSERT INTO {RunsTable}
        WITH bars AS (
            SELECT d.day_id, b.ts, b.close, d.reference
            FROM option_bars_1m b JOIN (SELECT * FROM {DaysTable} WHERE {Above("peak_close", options)}) d
                ON b.ticker = d.ticker AND b.date = d.date
            WHERE {Filter(options, "b.", dates)}
        ),
        numbered AS (
            SELECT day_id, ts, close, reference, row_number() OVER (PARTITION BY day_id ORDER BY ts) AS bar_no
            FROM bars
        ),
        above AS (
            SELECT day_id, ts, close, reference,
                   bar_no - row_number() OVER (PARTITION BY day_id ORDER BY ts) AS run
            FROM numbered
            WHERE {Above("close", options)}
        ),
        runs AS (
            SELECT day_id, min(ts) AS trigger_ts, max(ts) AS last_ts, count(*) AS duration,
                   any_value(reference) AS reference, arg_min(close, ts) AS trigger_close, max(close) AS peak_close,
                   arg_max(ts, row(close, -epoch_us(ts))) FILTER (WHERE ts IS NOT NULL) AS peak_ts
            FROM above
            GROUP BY day_id, run
        )
        SELECT d.ticker, d.date, r.trigger_ts, r.last_ts, r.duration, r.reference, r.trigger_close, r.peak_close, r.peak_ts
        FROM runs r JOIN {DaysTable} d USING (day_id)
        """;

    /// <summary>
    /// One row: contract_days, bars, events, events per contract-day (min, median, max; zero-event days
    /// included), minutes above, duration median and mean. Empty tables give zero counts and NULL statistics.
    /// Each run is one event.
    /// </summary>
    public static string Summary() => $"""
        WITH per_event_day AS (
            SELECT ticker, date, count(*) AS events, sum(duration) AS above
            FROM {RunsTable} GROUP BY ticker, date
        ),
        per_day AS (
            SELECT d.bars, coalesce(e.events, 0) AS events, coalesce(e.above, 0) AS above
            FROM {DaysTable} d LEFT JOIN per_event_day e USING (ticker, date)
        )
        SELECT count(*) AS contract_days,
               CAST(coalesce(sum(bars), 0) AS BIGINT) AS bars,
               CAST(coalesce(sum(events), 0) AS BIGINT) AS events,
               CAST(min(events) AS BIGINT) AS events_min,
               CAST(median(events) AS DOUBLE) AS events_median,
               CAST(max(events) AS BIGINT) AS events_max,
               CAST(coalesce(sum(above), 0) AS BIGINT) AS minutes_above,
               (SELECT CAST(median(duration) AS DOUBLE) FROM {RunsTable}) AS duration_median,
               (SELECT CAST(avg(duration) AS DOUBLE) FROM {RunsTable}) AS duration_mean
        FROM per_day
        """;

    /// <summary>
    /// Events per New York trigger hour, every hour from the first scanned bar's to the last's (zeros included); after
    /// <see cref="MomentumTriggers.Fill"/>, which gives each trigger its hour.
    /// </summary>
    public static string Hours() => $"""
        WITH span AS (
            SELECT hour(timezone('{Zone}', min(first_ts))) AS first_hour, hour(timezone('{Zone}', max(last_ts))) AS last_hour
            FROM {DaysTable}
        ),
        hours AS (
            SELECT CAST(h AS INTEGER) AS hour FROM span, range(0, 24) AS r(h) WHERE h BETWEEN span.first_hour AND span.last_hour
        )
        SELECT h.hour, CAST(count(e.trigger_hour) AS BIGINT) AS events
        FROM hours h LEFT JOIN (SELECT t.trigger_hour FROM {RunsTable} r JOIN {MomentumTriggers.TriggersTable} t USING (date, trigger_ts)) e ON e.trigger_hour = h.hour
        GROUP BY h.hour ORDER BY h.hour
        """;

    /// <summary>The events, in the dataset's columns plus <c>date</c>, ordered by date, trigger and ticker.</summary>
    public static string Events() => $"SELECT * FROM {EventsTable} ORDER BY date, trigger_ts, ticker";

    /// <summary>The dates that have at least one contract-day: the partitions a stored scan replaces.</summary>
    public static string Dates() => $"SELECT DISTINCT date FROM {DaysTable} ORDER BY date";

    /// <summary>The New York clock hour of the instant <paramref name="column"/> (09 = 09:00–09:59), as an INTEGER.</summary>
    internal static string TriggerHour(string column) => $"CAST(hour(timezone('{Zone}', {column})) AS INTEGER)";

    /// <summary>Whether <paramref name="close"/> is above the threshold over the contract-day's reference.</summary>
    private static string Above(string close, MomentumScanOptions options) =>
        $"{close} >= reference * (1 + {Number(options.Threshold)}) * (1 - {Number(TieTolerance)})";

    /// <summary>The scanned bars: the underlying's options in the range, and only <paramref name="dates"/> when given.</summary>
    public static string Filter(MomentumScanOptions options, string alias = "", IReadOnlyCollection<DateOnly>? dates = null)
    {
        var filter = $"{alias}underlying = {SqlText.Literal(options.Underlying)}";
        if (options.From is { } from) filter += $" AND {alias}date >= {SqlText.Date(from)}";
        if (options.To is { } to) filter += $" AND {alias}date <= {SqlText.Date(to)}";
        if (dates is not null) filter += $" AND {alias}date IN ({(dates.Count == 0 ? "NULL" : string.Join(", ", dates.Select(SqlText.Date)))})";
        return filter;
    }

    /// <summary>A DOUBLE literal: a bare 0.2 would be a DECIMAL in DuckDB.</summary>
    internal static string Number(double value) => $"CAST({value.ToString("R", CultureInfo.InvariantCulture)} AS DOUBLE)";
}
