namespace Spx.Research.Scanning;

/// <summary>
/// The SQL that turns <see cref="MomentumQueries.RunsTable"/> into <see cref="MomentumQueries.EventsTable"/>
/// (docs/scanner.md): each run with its contract's terms, the underlying's price at the trigger
/// (<see cref="MomentumTriggers.TriggersTable"/>, which also holds the trigger's New York hour) and the move the underlying explains from <c>option_minutes</c>
/// at the contract-day's first bar and the run's peak bar (docs/consolidation.md, "Explained move"). Every join here
/// is over small tables: <c>option_minutes</c> is read once, for the rows the events name (<see cref="ExplainingMinutes"/>).
/// </summary>
internal static class MomentumEventQueries
{
    /// <summary>Temp table of the <c>option_minutes</c> rows at the events' reference and peak bars: ticker, ts, spot, delta, gamma.</summary>
    public const string MinutesTable = "momentum_scan_minutes";

    /// <summary>Creates <see cref="MinutesTable"/> empty; <see cref="ExplainingMinutes"/> fills it.</summary>
    public static string CreateMinutes() =>
        $"CREATE OR REPLACE TEMP TABLE {MinutesTable} (ticker VARCHAR, ts TIMESTAMPTZ, spot DOUBLE, delta DOUBLE, gamma DOUBLE)";

    /// <summary>
    /// The keys <see cref="MinutesTable"/> is filled for, a few per contract-day with a run: date, ticker and the bar start
    /// (Unix microseconds) of the contract-day's first bar and of each run's peak bar; ordered by date and ticker.
    /// </summary>
    public static string Keys() => $"""
        SELECT date, ticker, epoch_us(ts) AS ts FROM ({KeysSelect}) ORDER BY date, ticker
        """;

    /// <summary>
    /// Adds to <see cref="MinutesTable"/> the rows of <c>option_minutes</c> on <paramref name="dates"/> whose (ticker, ts)
    /// is one of <see cref="Keys"/>, by one semi-join: the way for partitions <see cref="ExplainingMinutesFile"/> does not read.
    /// </summary>
    public static string InsertMinutes(MomentumScanOptions options, IReadOnlyCollection<DateOnly> dates) => $"""
        INSERT INTO {MinutesTable}
        SELECT m.ticker, m.ts, m.spot, m.delta, m.gamma
        FROM option_minutes m SEMI JOIN ({KeysSelect}) k ON m.ticker = k.ticker AND m.ts = k.ts
        WHERE {MomentumQueries.Filter(options, "m.", dates)}
        """;

    private static readonly string KeysSelect = $"""
        SELECT d.date, d.ticker, d.first_ts AS ts FROM {MomentumQueries.DaysTable} d SEMI JOIN {MomentumQueries.RunsTable} r USING (ticker, date)
        UNION
        SELECT date, ticker, peak_ts FROM {MomentumQueries.RunsTable}
        """;

    /// <summary>
    /// Creates the view <see cref="MomentumQueries.EventsTable"/> over the runs, the contract-days, <see cref="MinutesTable"/>
    /// and <see cref="MomentumTriggers.TriggersTable"/>, in <see cref="ScanningDatasets.MomentumEvents"/>'s columns plus <c>date</c>.
    /// </summary>
    public static string CreateEvents(MomentumScanOptions options) => $"""
        CREATE OR REPLACE TEMP VIEW {MomentumQueries.EventsTable} AS
        WITH events AS (
            SELECT r.*, d.underlying, d.expiry, d.option_right, d.strike, d.first_ts
            FROM {MomentumQueries.RunsTable} r JOIN {MomentumQueries.DaysTable} d USING (ticker, date)
        ),
        explained AS (
            SELECT e.*, {Finite("ro.delta")} AS delta, {Finite("ro.gamma")} AS gamma, po.spot - ro.spot AS spot_move
            FROM events e
            LEFT JOIN {MinutesTable} ro ON ro.ticker = e.ticker AND ro.ts = e.first_ts
            LEFT JOIN {MinutesTable} po ON po.ticker = e.ticker AND po.ts = e.peak_ts
        )
        SELECT e.ticker, e.underlying, e.expiry, e.option_right, e.strike,
               e.trigger_ts, t.trigger_hour,
               e.last_ts, e.duration, {MomentumQueries.Number(options.Threshold)} AS threshold, e.reference, e.trigger_close, e.peak_close,
               CASE WHEN e.reference > 0 THEN e.peak_close / e.reference - 1 END AS max_return,
               t.close AS underlying_price,
               e.delta, e.gamma, e.spot_move,
               e.delta * e.spot_move + 0.5 * e.gamma * e.spot_move * e.spot_move AS explained_move,
               CASE WHEN e.peak_close > e.reference
                    THEN 1 - (e.delta * e.spot_move + 0.5 * e.gamma * e.spot_move * e.spot_move) / (e.peak_close - e.reference) END AS unexplained_share,
               e.date
        FROM explained e
        LEFT JOIN {MomentumTriggers.TriggersTable} t ON t.date = e.date AND t.trigger_ts = e.trigger_ts
        """;

    /// <summary>NULL for NaN: an option minute whose IV was not solved has no greeks to explain with.</summary>
    private static string Finite(string column) => $"CASE WHEN isfinite({column}) THEN {column} END";
}
