using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Tests.ScannerReport;

/// <summary>
/// A small lake for the report tests, written with the real lake writer: one SPY contract-day with two momentum
/// events, SPY minute bars, one hostile news headline and, optionally, <c>option_minutes</c> rows for a surface.
/// </summary>
internal static class ReportLake
{
    public static readonly DateOnly Day = new(2025, 3, 3);

    /// <summary>Markup that would run, or load an image, if the page wrote it as HTML.</summary>
    public const string Hostile = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";

    public const string HostileTicker = "O:SPY<script>window.__pwned=3</script>";

    public static DatasetRegistry Registry => DatasetRegistry.Default;

    public static void Write(string root, bool withMinutes)
    {
        using var writer = new LakeWriter(new LakeLayout(root), Registry);
        var open = "TIMESTAMPTZ '2025-03-03 14:30:00+00'";
        writer.ReplacePartition("option_bars_1m", Day, LakeSource.FromSql($"""
            SELECT '{HostileTicker}' AS ticker, 'SPY' AS underlying, DATE '2025-03-07' AS expiry, 'C' AS option_right, 580.0 AS strike,
                   {open} + to_minutes(i) AS ts, 1.0 AS open, greatest(1.0, c) AS high, least(1.0, c) AS low, c AS close,
                   CAST(10 AS BIGINT) AS volume, CAST(NULL AS DOUBLE) AS vwap, CAST(NULL AS BIGINT) AS trades
            FROM (SELECT i, [1.00, 1.30, 1.00, 1.25, 1.25][i + 1] AS c FROM range(0, 5) r(i))
            """));
        writer.ReplacePartition("stock_bars_1m", Day, LakeSource.FromSql($"""
            SELECT 'SPY' AS ticker, {open} + to_minutes(i) AS ts, 580.0 + i AS open, 580.5 + i AS high, 579.5 + i AS low, 580.0 + i AS close,
                   1000.0 AS volume, CAST(NULL AS DOUBLE) AS vwap, CAST(NULL AS BIGINT) AS trades
            FROM range(0, 10) r(i)
            """));
        writer.ReplacePartition("news", Day, LakeSource.FromSql($"""
            SELECT 'n1' AS id, TIMESTAMPTZ '2025-03-03 14:00:00+00' AS published_utc, ['SPY'] AS tickers, '{Hostile.Replace("'", "''")} SPY rallies' AS title,
                   NULL AS description, NULL AS article_url, NULL AS publisher, NULL AS author, CAST(NULL AS VARCHAR[]) AS keywords,
                   NULL AS sentiment, NULL AS sentiment_reasoning
            """));
        if (withMinutes) WriteMinutes(writer);
    }

    /// <summary>Two expiries × 31 strikes at one minute, IV rising away from the money, plus one unsolved (NaN) row.</summary>
    private static void WriteMinutes(LakeWriter writer) =>
        writer.ReplacePartition("option_minutes", Day, LakeSource.FromSql("""
            SELECT 'O:SPY' || strftime(e, '%y%m%d') || 'C' || lpad(CAST(k * 1000 AS VARCHAR), 8, '0') AS ticker, 'SPY' AS underlying, e AS expiry,
                   'C' AS option_right, CAST(k AS DOUBLE) AS strike, TIMESTAMPTZ '2025-03-03 15:00:00+00' AS ts,
                   1.0 AS open, 1.0 AS high, 1.0 AS low, 1.0 AS close, CAST(10 AS BIGINT) AS volume,
                   CAST(NULL AS DOUBLE) AS vwap, CAST(NULL AS BIGINT) AS trades, 580.0 AS spot, CAST(NULL AS DOUBLE) AS vix,
                   CAST(NULL AS VARCHAR) AS news_id, CAST(NULL AS VARCHAR) AS news_sentiment, k / 580.0 AS moneyness, 0.01 AS t_years,
                   CASE WHEN k = 600 THEN CAST('NaN' AS DOUBLE) ELSE 0.18 + abs(k / 580.0 - 1) + (e - DATE '2025-03-03') / 1000.0 END AS iv,
                   CASE WHEN k = 600 THEN 'below_intrinsic' ELSE 'solved' END AS iv_status,
                   0.5 AS delta, 0.01 AS gamma, -0.1 AS theta_per_day, 0.2 AS vega_per_point, 0.05 AS rho_per_point, false AS early_exercise,
                   CAST(NULL AS DOUBLE) AS ret_1m, CAST(NULL AS DOUBLE) AS ret_5m, CAST(NULL AS DOUBLE) AS ret_15m,
                   CAST(10 AS BIGINT) AS volume_5m, CAST(10 AS BIGINT) AS volume_15m
            FROM (VALUES (DATE '2025-03-07'), (DATE '2025-03-14')) v(e), range(570, 601) r(k)
            """));
}
