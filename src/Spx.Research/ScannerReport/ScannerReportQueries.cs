using System.Globalization;
using Spx.Research.Lake;
using Spx.Research.Scanning;

namespace Spx.Research.ScannerReport;

/// <summary>
/// The report's DuckDB SQL over the lake's views (docs/scanner-report.md). The headline query reads the scan's
/// temp table <see cref="MomentumQueries.EventsTable"/>, so it runs on the connection that ran the scan.
/// </summary>
public static class ScannerReportQueries
{
    /// <summary>The consolidated dataset written by <c>spx consolidate</c>.</summary>
    public const string OptionMinutes = "option_minutes";

    /// <summary>How many events get a headline row: the largest, by max return.</summary>
    public const int HeadlineEvents = 20;

    /// <summary>News older than this before a trigger is not "the news at the trigger".</summary>
    public const int HeadlineLookbackDays = 3;

    /// <summary>A solved IV: present and finite (the consolidation stores NaN with a reason when it cannot solve).</summary>
    private const string Solved = "iv IS NOT NULL AND isfinite(iv)";

    /// <summary>One row: the underlying's minute bars in range.</summary>
    public static string UnderlyingCount(MomentumScanOptions scan) =>
        $"SELECT count(*) FROM stock_bars_1m WHERE {Range(scan, $"ticker = {SqlText.Literal(scan.Underlying)}")}";

    /// <summary>The underlying's last close per <paramref name="bucketMinutes"/>-minute bucket, at the bucket's last bar, in time order.</summary>
    public static string Underlying(MomentumScanOptions scan, int bucketMinutes) => $"""
        SELECT epoch_us(max(ts)) AS ts, arg_max(close, ts) AS close
        FROM stock_bars_1m
        WHERE {Range(scan, $"ticker = {SqlText.Literal(scan.Underlying)}")}
        GROUP BY time_bucket(INTERVAL '{bucketMinutes.ToString(CultureInfo.InvariantCulture)} minutes', ts)
        ORDER BY 1
        """;

    /// <summary>
    /// The latest news item listing the underlying published at or before each of the largest events' trigger
    /// (ties: greatest id), within <see cref="HeadlineLookbackDays"/> days; NULL title when there is none.
    /// </summary>
    public static string Headlines(MomentumScanOptions scan) => $"""
        WITH top AS (
            SELECT ticker, trigger_ts, max_return FROM {MomentumQueries.EventsTable}
            ORDER BY max_return DESC NULLS LAST, trigger_ts, ticker LIMIT {HeadlineEvents}
        ),
        candidates AS (
            SELECT t.ticker, t.trigger_ts, t.max_return, n.title, n.published_utc,
                   row_number() OVER (PARTITION BY t.ticker, t.trigger_ts ORDER BY n.published_utc DESC NULLS LAST, n.id DESC) AS pick
            FROM top t LEFT JOIN news n
                ON list_contains(n.tickers, {SqlText.Literal(scan.Underlying)})
               AND n.published_utc <= t.trigger_ts
               AND n.published_utc > t.trigger_ts - INTERVAL {HeadlineLookbackDays} DAY
        )
        SELECT ticker, epoch_us(trigger_ts), title, epoch_us(published_utc)
        FROM candidates WHERE pick = 1
        ORDER BY max_return DESC NULLS LAST, trigger_ts, ticker
        """;

    /// <summary>One row: consolidated rows of the underlying in range.</summary>
    public static string MinuteRows(MomentumScanOptions scan) =>
        $"SELECT count(*) FROM {OptionMinutes} WHERE {Range(scan, $"underlying = {SqlText.Literal(scan.Underlying)}")}";

    /// <summary>One row: the last date in range with a solved IV, or NULL.</summary>
    public static string LastSurfaceSession(MomentumScanOptions scan) =>
        $"SELECT max(date) FROM {OptionMinutes} WHERE {Range(scan, $"underlying = {SqlText.Literal(scan.Underlying)} AND {Solved}")}";

    /// <summary>
    /// The IV surface of one session: median solved IV per expiry and moneyness rounded to 0.25 % (a 0DTE chain spans a few percent), moneyness
    /// 0.80–1.20 (beyond, a 0DTE minute's IV is noise), by expiry then moneyness.
    /// </summary>
    public static string Surface(MomentumScanOptions scan, DateOnly session) => $"""
        SELECT expiry, round(moneyness * 400) / 400 AS moneyness, CAST(median(iv) AS DOUBLE) AS iv
        FROM {OptionMinutes}
        WHERE underlying = {SqlText.Literal(scan.Underlying)} AND date = {SqlText.Date(session)} AND {Solved}
          AND moneyness BETWEEN 0.8 AND 1.2
        GROUP BY ALL ORDER BY expiry, moneyness
        """;

    /// <summary>Option bars, consolidated rows and solved IVs per date; without <c>option_minutes</c>, bars only.</summary>
    public static string Coverage(MomentumScanOptions scan, bool withMinutes)
    {
        var underlying = $"underlying = {SqlText.Literal(scan.Underlying)}";
        var minutes = withMinutes
            ? $"SELECT date, count(*) AS rows, count(*) FILTER (WHERE {Solved}) AS solved FROM {OptionMinutes} WHERE {Range(scan, underlying)} GROUP BY date"
            : "SELECT CAST(NULL AS DATE) AS date, 0 AS rows, 0 AS solved WHERE false";
        return $"""
            WITH bars AS (SELECT date, count(*) AS bars FROM option_bars_1m WHERE {Range(scan, underlying)} GROUP BY date),
                 minutes AS ({minutes})
            SELECT date, CAST(coalesce(bars, 0) AS BIGINT), CAST(coalesce(rows, 0) AS BIGINT), CAST(coalesce(solved, 0) AS BIGINT)
            FROM bars FULL JOIN minutes USING (date)
            ORDER BY date
            """;
    }

    private static string Range(MomentumScanOptions scan, string filter)
    {
        if (scan.From is { } from) filter += $" AND date >= {SqlText.Date(from)}";
        if (scan.To is { } to) filter += $" AND date <= {SqlText.Date(to)}";
        return filter;
    }
}
