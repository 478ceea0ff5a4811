using System.Globalization;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// The momentum scan's SQL over the lake's views (docs/scanner.md). Three temp tables on the session's connection:
/// <see cref="DaysTable"/>, one row per contract-day (one ticker on one New York date with at least one bar),
/// <see cref="RunsTable"/>, one row per run of above bars, and <see cref="EventsTable"/>, the runs with their terms
/// and the underlying's price. <see cref="MomentumKernel"/> fills the first two in one pass over bars stored in
/// order; <see cref="InsertDays"/> and <see cref="InsertRuns"/> fill them for dates it cannot read in order, and
/// are the whole scan when asked for (<see cref="MomentumScanPath.Sql"/>).
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

    /// <summary>Temp table of runs of above bars: ticker, date, trigger and last bar, duration, reference, trigger and peak close.</summary>
    public const string RunsTable = "momentum_scan_runs";

    /// <summary>Temp table of events, in <see cref="ScanningDatasets.MomentumEvents"/>'s columns plus <c>date</c>.</summary>
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
            reference DOUBLE, trigger_close DOUBLE, peak_close DOUBLE);
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
    /// id rather than by ticker and date, so the sort compares numbers, not strings (docs/scanner.md).
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
                   any_value(reference) AS reference, arg_min(close, ts) AS trigger_close, max(close) AS peak_close
            FROM above
            GROUP BY day_id, run
        )
        SELECT d.ticker, d.date, r.trigger_ts, r.last_ts, r.duration, r.reference, r.trigger_close, r.peak_close
        FROM runs r JOIN {DaysTable} d USING (day_id)
        """;

    /// <summary>
    /// Fills <see cref="EventsTable"/> from <see cref="RunsTable"/>: each run with its contract's terms, the
    /// underlying's price at the trigger (two ASOF joins over the few events), and the move the underlying
    /// explains (docs/consolidation.md, "Explained move") from <c>option_minutes</c> at the contract-day's first
    /// bar and the run's first peak bar.
    /// </summary>
    /// <param name="options">What to scan.</param>
    /// <param name="withMinutes">False when the session has no <c>option_minutes</c> view: the explaining columns are NULL.</param>
    public static string CreateEvents(MomentumScanOptions options, bool withMinutes = true) => $"""
        CREATE OR REPLACE TEMP TABLE {EventsTable} AS
        WITH peaks AS (
            SELECT r.ticker, r.trigger_ts, min(b.ts) AS peak_ts
            FROM {RunsTable} r JOIN option_bars_1m b
                ON b.ticker = r.ticker AND b.date = r.date AND b.ts BETWEEN r.trigger_ts AND r.last_ts AND b.close = r.peak_close
            WHERE {Filter(options, "b.")}
            GROUP BY r.ticker, r.trigger_ts
        ),
        events AS (
            SELECT r.*, p.peak_ts, d.underlying, d.expiry, d.option_right, d.strike, d.first_ts
            FROM {RunsTable} r JOIN {DaysTable} d USING (ticker, date) LEFT JOIN peaks p USING (ticker, trigger_ts)
        ),
        explained AS (
            SELECT e.*, {Finite("ro.delta")} AS delta, {Finite("ro.gamma")} AS gamma, po.spot - ro.spot AS spot_move
            FROM events e
            LEFT JOIN ({Minutes(options, withMinutes)}) ro ON ro.ticker = e.ticker AND ro.ts = e.first_ts
            LEFT JOIN ({Minutes(options, withMinutes)}) po ON po.ticker = e.ticker AND po.ts = e.peak_ts
        )
        SELECT e.ticker, e.underlying, e.expiry, e.option_right, e.strike,
               e.trigger_ts, CAST(hour(timezone('{Zone}', e.trigger_ts)) AS INTEGER) AS trigger_hour,
               e.last_ts, e.duration, {Number(options.Threshold)} AS threshold, e.reference, e.trigger_close, e.peak_close,
               CASE WHEN e.reference > 0 THEN e.peak_close / e.reference - 1 END AS max_return,
               coalesce(s.close, m.close) AS underlying_price,
               e.delta, e.gamma, e.spot_move,
               e.delta * e.spot_move + 0.5 * e.gamma * e.spot_move * e.spot_move AS explained_move,
               CASE WHEN e.peak_close > e.reference
                    THEN 1 - (e.delta * e.spot_move + 0.5 * e.gamma * e.spot_move * e.spot_move) / (e.peak_close - e.reference) END AS unexplained_share,
               e.date
        FROM explained e
        ASOF LEFT JOIN ({Underlying("stock_bars_1s", options)}) s
            ON s.date = e.date AND s.ts < e.trigger_ts + INTERVAL 1 MINUTE
        ASOF LEFT JOIN ({Underlying("stock_bars_1m", options)}) m
            ON m.date = e.date AND m.ts <= e.trigger_ts
        """;

    /// <summary>
    /// One row: contract_days, bars, events, events per contract-day (min, median, max; zero-event days
    /// included), minutes above, duration median and mean. Empty tables give zero counts and NULL statistics.
    /// </summary>
    public static string Summary() => $"""
        WITH per_event_day AS (
            SELECT ticker, date, count(*) AS events, sum(duration) AS above
            FROM {EventsTable} GROUP BY ticker, date
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
               (SELECT CAST(median(duration) AS DOUBLE) FROM {EventsTable}) AS duration_median,
               (SELECT CAST(avg(duration) AS DOUBLE) FROM {EventsTable}) AS duration_mean
        FROM per_day
        """;

    /// <summary>Events per New York trigger hour, every hour from the first scanned bar's to the last's (zeros included).</summary>
    public static string Hours() => $"""
        WITH span AS (
            SELECT hour(timezone('{Zone}', min(first_ts))) AS first_hour, hour(timezone('{Zone}', max(last_ts))) AS last_hour
            FROM {DaysTable}
        ),
        hours AS (
            SELECT CAST(h AS INTEGER) AS hour FROM span, range(0, 24) AS r(h) WHERE h BETWEEN span.first_hour AND span.last_hour
        )
        SELECT h.hour, CAST(count(e.trigger_hour) AS BIGINT) AS events
        FROM hours h LEFT JOIN {EventsTable} e ON e.trigger_hour = h.hour
        GROUP BY h.hour ORDER BY h.hour
        """;

    /// <summary>The events, in the dataset's columns plus <c>date</c>, ordered by date, trigger and ticker.</summary>
    public static string Events() => $"SELECT * FROM {EventsTable} ORDER BY date, trigger_ts, ticker";

    /// <summary>The dates that have at least one contract-day: the partitions a stored scan replaces.</summary>
    public static string Dates() => $"SELECT DISTINCT date FROM {DaysTable} ORDER BY date";

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

    private static string Underlying(string view, MomentumScanOptions options)
    {
        var filter = $"ticker = {SqlText.Literal(options.Underlying)}";
        if (options.From is { } from) filter += $" AND date >= {SqlText.Date(from)}";
        if (options.To is { } to) filter += $" AND date <= {SqlText.Date(to)}";
        return $"SELECT date, ts, close FROM {view} WHERE {filter}";
    }

    /// <summary>The scanned range's <c>option_minutes</c>: spot, delta and gamma per ticker and minute (docs/consolidation.md).</summary>
    private static string Minutes(MomentumScanOptions options, bool withMinutes) => withMinutes
        ? $"SELECT ticker, ts, spot, delta, gamma FROM option_minutes WHERE {Filter(options)}"
        : "SELECT NULL::VARCHAR AS ticker, NULL::TIMESTAMPTZ AS ts, NULL::DOUBLE AS spot, NULL::DOUBLE AS delta, NULL::DOUBLE AS gamma WHERE false";

    /// <summary>NULL for NaN: an option minute whose IV was not solved has no greeks to explain with.</summary>
    private static string Finite(string column) => $"CASE WHEN isfinite({column}) THEN {column} END";

    /// <summary>A DOUBLE literal: a bare 0.2 would be a DECIMAL in DuckDB.</summary>
    private static string Number(double value) => $"CAST({value.ToString("R", CultureInfo.InvariantCulture)} AS DOUBLE)";
}
