using Spx.Research.Lake;
using Spx.Research.Pricing;

namespace Spx.Research.Consolidation;

/// <summary>
/// The SQL of one day's consolidation (docs/consolidation.md, "How it runs"): DuckDB reads the lake's files and makes
/// the as-of alignment; everything per row after that is C# over arrays. Each query returns few, narrow columns,
/// because a string or a timestamp crossing into .NET costs far more than a number: terms come once per ticker,
/// the context once per distinct bar start, and the per-row query is numbers only.
/// </summary>
public static class ConsolidationQueries
{
    /// <summary>News listing the underlying, one row per publication instant (the greatest id wins a tie).</summary>
    public const string NewsTable = "consolidate_news";

    /// <summary>Creates the news table from the given <c>news</c> files (every partition up to the run's last date).</summary>
    public static string CreateNews(IReadOnlyList<string> files, string underlying) => $"""
        CREATE OR REPLACE TABLE {NewsTable} AS
        SELECT published_utc, max(id) AS id, arg_max(sentiment, id) AS sentiment
        FROM ({Read(files, FoundationDatasets.News)})
        WHERE list_contains(tickers, {SqlText.Literal(underlying)})
        GROUP BY published_utc
        """;

    /// <summary>
    /// The day's bars of the underlying, as <see cref="DayBarsReader"/> reads them: ticker and terms, <c>ts</c> as epoch
    /// microseconds, then the bar's numbers. In stored order unless <paramref name="sorted"/> (files are written in
    /// key order, so the sort is only for a file that is not).
    /// </summary>
    public static string Bars(ConsolidationInputs inputs, string underlying, bool sorted) => $"""
        SELECT ticker, expiry, option_right, strike, epoch_us(ts) AS ts_us, open, high, low, close, volume, vwap, trades
        FROM ({UnderlyingBars(inputs, underlying)})
        {(sorted ? "ORDER BY ticker, ts" : "")}
        """;

    /// <summary>The distinct bar starts of the run's dates, with their date and epoch microseconds (<see cref="StartsTable"/>).</summary>
    public static string CreateStarts(IReadOnlyList<ConsolidationInputs> days, string underlying) => $"""
        CREATE OR REPLACE TEMP TABLE {StartsTable} AS
        SELECT DISTINCT day, ts, epoch_us(ts) AS ts_us FROM ({ReadWithDay(days.SelectMany(d => d.OptionBars), FoundationDatasets.OptionBars1m)})
        WHERE underlying = {SqlText.Literal(underlying)}
        """;

    /// <summary>The distinct bar starts of a run, one row per (date, start).</summary>
    public const string StartsTable = "consolidate_starts";

    /// <summary>Whether every start is on a whole minute (as minute bars' are), which lets the spot join use minute buckets.</summary>
    public const string StartsOnMinutes = $"SELECT coalesce(bool_and(epoch_us(ts) % 60000000 = 0), true) FROM {StartsTable}";

    /// <summary>
    /// The context of each start in <see cref="StartsTable"/>, in (date, time) order, in one query for the whole run (a
    /// query per date cost more in DuckDB's fixed per-query work than in the joins): spot = close of the same date's
    /// last second bar starting before the minute's end; VIX = close of the same date's last minute bar starting at or
    /// before the bar's start; news = the latest item published at or before the minute's end, from any date. The date
    /// comes from each file's partition folder.
    /// </summary>
    /// <param name="onMinutes">
    /// Every start is on a whole minute (<see cref="StartsOnMinutes"/>). Then the last second bar before a minute's end
    /// is the last one of the latest minute bucket at or before the start, so the spot join runs over one row per
    /// minute instead of every second (a year of seconds in one as-of join cost seconds of CPU).
    /// </param>
    public static string Context(IReadOnlyList<ConsolidationInputs> days, string underlying, bool onMinutes) => $"""
        WITH seconds AS (
            SELECT day, ts, close FROM ({ReadWithDay(days.SelectMany(d => d.SecondBars), FoundationDatasets.StockBars1s)}) WHERE ticker = {SqlText.Literal(underlying)}
        ),
        spot AS (
            {(onMinutes
                ? "SELECT day, epoch_us(ts) // 60000000 * 60000000 AS ts_us, arg_max(close, ts) AS close FROM seconds GROUP BY ALL"
                : "SELECT day, epoch_us(ts) - 60000000 AS ts_us, close FROM seconds")}
        ),
        vix AS (
            SELECT day, ts, close FROM ({ReadWithDay(days.SelectMany(d => d.IndexBars), FoundationDatasets.IndexBars1m)}) WHERE ticker = 'I:VIX'
        )
        SELECT m.day, m.ts_us, s.close AS spot, v.close AS vix, n.id AS news_id, n.sentiment AS news_sentiment
        FROM {StartsTable} m
        ASOF LEFT JOIN spot s ON s.day = m.day AND s.ts_us {(onMinutes ? "<=" : "<")} m.ts_us
        ASOF LEFT JOIN vix v ON v.day = m.day AND v.ts <= m.ts
        ASOF LEFT JOIN {NewsTable} n ON n.published_utc <= m.ts + INTERVAL 60 SECOND
        ORDER BY m.day, m.ts
        """;

    /// <summary>How many stored rows belong to other underlyings (reads only <c>underlying</c>, so files of any earlier schema bind).</summary>
    public static string KeptCount(IReadOnlyList<string> stored, string underlying) =>
        $"SELECT count(*) FROM read_parquet({SqlText.FileList(stored)}, union_by_name = true, hive_partitioning = false) WHERE underlying <> {SqlText.Literal(underlying)}";

    /// <summary>The stored rows of other underlyings, which a replace keeps (<paramref name="stored"/> is the partition's files).</summary>
    public static string Kept(IReadOnlyList<string> stored, string underlying) =>
        $"SELECT * FROM ({Read(stored, ConsolidationDatasets.OptionMinutes)}) WHERE underlying <> {SqlText.Literal(underlying)}";

    /// <summary>Reads <paramref name="files"/> in <paramref name="schema"/>'s columns; no files reads as an empty typed relation.</summary>
    public static string Read(IReadOnlyList<string> files, DatasetSchema schema)
    {
        if (files.Count == 0) return $"SELECT {SqlText.TypedColumns(schema, "NULL")} WHERE false";
        return $"SELECT {SqlText.TypedColumns(schema)} FROM read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)";
    }

    /// <summary>A status as stored in <c>iv_status</c>: <c>BelowIntrinsic</c> → <c>below_intrinsic</c>.</summary>
    public static string StatusName(ImpliedVolatilityStatus status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>
    /// <see cref="Read"/> plus each row's partition date as <c>day</c>, taken from the file's <c>date=</c> folder
    /// (a constant per file, so it costs nothing per row).
    /// </summary>
    private static string ReadWithDay(IEnumerable<string> files, DatasetSchema schema)
    {
        var list = files.ToList();
        if (list.Count == 0) return $"SELECT CAST(NULL AS DATE) AS day, {SqlText.TypedColumns(schema, "NULL")} WHERE false";
        return $"SELECT CAST(date AS DATE) AS day, {SqlText.TypedColumns(schema)} FROM read_parquet({SqlText.FileList(list)}, union_by_name = true, hive_partitioning = true)";
    }

    private static string UnderlyingBars(ConsolidationInputs inputs, string underlying) =>
        $"SELECT * FROM ({Read(inputs.OptionBars, FoundationDatasets.OptionBars1m)}) WHERE underlying = {SqlText.Literal(underlying)}";
}
