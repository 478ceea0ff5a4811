using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// One row per distinct trigger (date, trigger_ts) of <see cref="MomentumQueries.RunsTable"/> in <see cref="TriggersTable"/>:
/// its New York hour and the underlying's price there (docs/scanner.md), the close of its last <c>stock_bars_1s</c> bar
/// that starts before the trigger bar ends, else of its last <c>stock_bars_1m</c> bar that starts at or before the
/// trigger, else NULL; always on the trigger's date. Runs share triggers (116 k runs, 31 k triggers on a year), so
/// each time zone conversion and price look-up is done once per trigger.
/// </summary>
/// <remarks>
/// An ASOF join of the triggers to the second bars sorts a year's 5.9 M bars by time. Instead one hash aggregation keeps
/// each minute's last second bar (<see cref="CreateMinuteCloses"/>; it needs no runs, so the kernel path runs it while
/// the bars stream), and the triggers join those ~100 k rows. For a trigger that starts on a whole minute (every
/// minute bar does) that is exact: the bars that start before the trigger bar ends are those of its own minute and
/// earlier, and the last of them is the last bar of the latest such minute that has one. A trigger off the minute
/// takes the ASOF join to the second bars, and a trigger without a second bar the one to the minute bars; each runs
/// only when some trigger needs it, since DuckDB reads the whole view for an ASOF join even when nothing joins it.
/// </remarks>
internal static class MomentumTriggers
{
    /// <summary>Temp table of the triggers: date, trigger_ts, trigger_hour, close (the underlying's price; NULL when there is none).</summary>
    public const string TriggersTable = "momentum_scan_triggers";

    /// <summary>Temp table of the underlying's last second bar per minute: date, minute (Unix minutes), close.</summary>
    public const string MinuteClosesTable = "momentum_scan_minute_closes";

    private const long MicrosPerMinute = 60_000_000;

    // A trigger the minute table answers exactly: on a whole minute, and not before 1970 (where // rounds toward zero).
    private static readonly string OnTheMinute = $"epoch_us(trigger_ts) % {MicrosPerMinute} = 0 AND trigger_ts >= TIMESTAMPTZ '1970-01-01 00:00:00+00'";

    /// <summary>
    /// Fills <see cref="MinuteClosesTable"/>: per date and minute, the close of the last second bar (NULL when that
    /// bar's close is NULL, as the ASOF join would give it).
    /// </summary>
    public static string CreateMinuteCloses(MomentumScanOptions options) => $"""
        CREATE OR REPLACE TEMP TABLE {MinuteClosesTable} AS
        SELECT date, epoch_us(ts) // {MicrosPerMinute} AS minute, arg_max_null(close, ts) AS close
        FROM stock_bars_1s
        WHERE {Filter(options)}
        GROUP BY date, minute
        """;

    /// <summary>Fills <see cref="TriggersTable"/> for every trigger in the runs table, after <see cref="CreateMinuteCloses"/>.</summary>
    public static void Fill(DuckDBConnection connection, MomentumScanOptions options)
    {
        connection.ExecuteNonQuery($"""
            CREATE OR REPLACE TEMP TABLE {TriggersTable} AS
            SELECT t.date, t.trigger_ts, {MomentumQueries.TriggerHour("t.trigger_ts")} AS trigger_hour, s.close
            FROM (SELECT DISTINCT date, trigger_ts FROM {MomentumQueries.RunsTable} WHERE {OnTheMinute}) t
            ASOF LEFT JOIN {MinuteClosesTable} s ON s.date = t.date AND s.minute < epoch_us(t.trigger_ts) // {MicrosPerMinute} + 1
            """);
        var offTheMinute = $"SELECT DISTINCT date, trigger_ts FROM {MomentumQueries.RunsTable} WHERE NOT ({OnTheMinute})";
        if (connection.ExecuteScalar<long>($"SELECT count(*) FROM ({offTheMinute})") > 0)
        {
            connection.ExecuteNonQuery($"""
                INSERT INTO {TriggersTable}
                SELECT t.date, t.trigger_ts, {MomentumQueries.TriggerHour("t.trigger_ts")} AS trigger_hour, s.close
                FROM ({offTheMinute}) t
                ASOF LEFT JOIN (SELECT date, ts, close FROM stock_bars_1s WHERE {Filter(options)}) s
                    ON s.date = t.date AND s.ts < t.trigger_ts + INTERVAL 1 MINUTE
                """);
        }
        if (connection.ExecuteScalar<long>($"SELECT count(*) FROM {TriggersTable} WHERE close IS NULL") > 0)
        {
            connection.ExecuteNonQuery($"""
                UPDATE {TriggersTable} AS p SET close = m.close
                FROM (
                    SELECT t.date, t.trigger_ts, m.close
                    FROM (SELECT date, trigger_ts FROM {TriggersTable} WHERE close IS NULL) t
                    ASOF JOIN (SELECT date, ts, close FROM stock_bars_1m WHERE {Filter(options)}) m
                        ON m.date = t.date AND m.ts <= t.trigger_ts
                ) m
                WHERE p.date = m.date AND p.trigger_ts = m.trigger_ts
                """);
        }
    }

    /// <summary>The underlying's own bars in the scanned range.</summary>
    private static string Filter(MomentumScanOptions options)
    {
        var filter = $"ticker = {SqlText.Literal(options.Underlying)}";
        if (options.From is { } from) filter += $" AND date >= {SqlText.Date(from)}";
        if (options.To is { } to) filter += $" AND date <= {SqlText.Date(to)}";
        return filter;
    }
}
