using System.Globalization;
using Spx.Research.Lake;
using Spx.Research.Pricing;

namespace Spx.Research.Consolidation;

/// <summary>
/// The alignment of one day as DuckDB SQL over explicit file lists (docs/consolidation.md): the option bars, then
/// as-of joins for spot, VIX and news, and window frames for returns and rolling volume. Tables live on the
/// writer's connection and are replaced each day. The wide aligned row is built once, in the query the writer
/// stages (<see cref="Rows"/>); pricing reads only its five inputs (<see cref="PricingInputs"/>).
/// </summary>
public static class ConsolidationQueries
{
    /// <summary>The day's option bars of the underlying, numbered by <c>rn</c> in (ticker, ts) order.</summary>
    public const string BarsTable = "consolidate_bars";

    /// <summary>Settlement instant per ticker, filled from C# (<see cref="Market.OptionTicker.SettlementInstant"/>).</summary>
    public const string SettlementTable = "consolidate_settlement";

    /// <summary>News listing the underlying, one row per publication instant (the greatest id wins a tie).</summary>
    public const string NewsTable = "consolidate_news";

    /// <summary>Spot, VIX and latest news per distinct bar start of the day.</summary>
    public const string ContextTable = "consolidate_context";

    /// <summary>Implied volatility and greeks per <c>rn</c>, filled from C# (<see cref="MinutePricing"/>).</summary>
    public const string PricedTable = "consolidate_priced";

    /// <summary>Creates the news table from the given <c>news</c> files (every partition up to the run's last date).</summary>
    public static string CreateNews(IReadOnlyList<string> files, string underlying) => $"""
        CREATE OR REPLACE TABLE {NewsTable} AS
        SELECT published_utc, max(id) AS id, arg_max(sentiment, id) AS sentiment
        FROM ({Read(files, FoundationDatasets.News)})
        WHERE list_contains(tickers, {SqlText.Literal(underlying)})
        GROUP BY published_utc
        """;

    /// <summary>Creates the day's bar table (only the underlying's options, numbered) and an empty settlement table.</summary>
    public static string CreateBars(ConsolidationInputs inputs, string underlying) => $"""
        CREATE OR REPLACE TABLE {BarsTable} AS
        SELECT row_number() OVER (ORDER BY ticker, ts) AS rn,
               ticker, underlying, expiry, option_right, strike, ts, open, high, low, close, volume, vwap, trades
        FROM ({Read(inputs.OptionBars, FoundationDatasets.OptionBars1m)})
        WHERE underlying = {SqlText.Literal(underlying)}
        ORDER BY rn;
        CREATE OR REPLACE TABLE {SettlementTable} (ticker VARCHAR, settlement TIMESTAMPTZ);
        """;

    /// <summary>The distinct tickers of the day's bars, for their settlement instants.</summary>
    public static string Tickers() => $"SELECT DISTINCT ticker FROM {BarsTable} ORDER BY ticker";

    /// <summary>
    /// Creates the context table: spot = close of the last second bar starting before the minute's end; VIX = close
    /// of the last minute bar starting at or before the bar's start; news = the latest item published at or before
    /// the minute's end. The as-of joins run once per distinct bar start (a few hundred a day, not one per option
    /// bar) and reach the bars through a hash join on <c>ts</c>.
    /// </summary>
    public static string CreateContext(ConsolidationInputs inputs, string underlying) => $"""
        CREATE OR REPLACE TABLE {ContextTable} AS
        WITH spot AS (
            SELECT ts, close FROM ({Read(inputs.SecondBars, FoundationDatasets.StockBars1s)}) WHERE ticker = {SqlText.Literal(underlying)}
        ),
        vix AS (
            SELECT ts, close FROM ({Read(inputs.IndexBars, FoundationDatasets.IndexBars1m)}) WHERE ticker = 'I:VIX'
        )
        SELECT m.ts, s.close AS spot, v.close AS vix, n.id AS news_id, n.sentiment AS news_sentiment
        FROM (SELECT DISTINCT ts FROM {BarsTable}) m
        ASOF LEFT JOIN spot s ON s.ts < m.ts + INTERVAL 60 SECOND
        ASOF LEFT JOIN vix v ON v.ts <= m.ts
        ASOF LEFT JOIN {NewsTable} n ON n.published_utc <= m.ts + INTERVAL 60 SECOND
        """;

    /// <summary>The pricing kernels' inputs, in <c>rn</c> order.</summary>
    public static string PricingInputs() => $"""
        SELECT b.rn, b.option_right = 'C' AS is_call, coalesce(c.spot, 'NaN'::DOUBLE) AS spot, b.strike, {TYears()} AS t_years, b.close
        FROM {BarsTable} b JOIN {SettlementTable} t USING (ticker) JOIN {ContextTable} c USING (ts)
        ORDER BY b.rn
        """;

    /// <summary>
    /// The day's rows in the dataset's columns and declared order (so the writer keeps the staged table as is):
    /// bars ⋈ context ⋈ priced, returns against the last bar starting n minutes earlier or more, volume of the bars
    /// starting in the last 5 and 15 minutes (this one included); plus <paramref name="kept"/> (other underlyings' stored rows).
    /// </summary>
    public static string Rows(IReadOnlyList<string> kept, string underlying)
    {
        // The windows run over a narrow relation (the bars' number, ticker, ts, close, volume): a window operator
        // sorts its whole input, so framing the wide joined row cost several times more.
        var fresh = $"""
            WITH w AS (
                SELECT b.rn, {Return(1)} AS ret_1m, {Return(5)} AS ret_5m, {Return(15)} AS ret_15m,
                       {RollingVolume(5)} AS volume_5m, {RollingVolume(15)} AS volume_15m
                FROM {BarsTable} b
            )
            SELECT b.ticker, b.underlying, b.expiry, b.option_right, b.strike, b.ts, b.open, b.high, b.low, b.close,
                   b.volume, b.vwap, b.trades, c.spot, c.vix, c.news_id, c.news_sentiment,
                   b.strike / c.spot AS moneyness, {TYears()} AS t_years, p.iv,
                   CASE WHEN c.spot IS NULL THEN 'no_spot' ELSE {StatusNames()}[p.status + 1] END AS iv_status,
                   p.delta, p.gamma, p.theta_per_day, p.vega_per_point, p.rho_per_point,
                   w.ret_1m, w.ret_5m, w.ret_15m, w.volume_5m, w.volume_15m
            FROM {BarsTable} b
            JOIN w USING (rn)
            JOIN {SettlementTable} t USING (ticker)
            JOIN {ContextTable} c USING (ts)
            JOIN {PricedTable} p USING (rn)
            """;
        return kept.Count == 0
            ? fresh
            : $"SELECT * FROM ({Read(kept, ConsolidationDatasets.OptionMinutes)}) WHERE underlying <> {SqlText.Literal(underlying)} UNION ALL BY NAME SELECT * FROM ({fresh})";
    }

    /// <summary>Reads <paramref name="files"/> in <paramref name="schema"/>'s columns; no files reads as an empty typed relation.</summary>
    public static string Read(IReadOnlyList<string> files, DatasetSchema schema)
    {
        var columns = string.Join(", ", schema.Columns.Select(c => $"CAST({SqlText.Identifier(c.Name)} AS {c.Type}) AS {SqlText.Identifier(c.Name)}"));
        if (files.Count == 0)
            return $"SELECT {string.Join(", ", schema.Columns.Select(c => $"CAST(NULL AS {c.Type}) AS {SqlText.Identifier(c.Name)}"))} WHERE false";
        return $"SELECT {columns} FROM read_parquet({SqlText.FileList(files)}, union_by_name = true, hive_partitioning = false)";
    }

    /// <summary><see cref="ImpliedVolatilityStatus"/> names in snake case, indexed by the enum's value (1-based in SQL).</summary>
    public static string StatusNames() =>
        "[" + string.Join(", ", Enum.GetValues<ImpliedVolatilityStatus>().OrderBy(s => (int)s).Select(s => SqlText.Literal(StatusName(s)))) + "]";

    /// <summary>A status as stored in <c>iv_status</c>: <c>BelowIntrinsic</c> → <c>below_intrinsic</c>.</summary>
    public static string StatusName(ImpliedVolatilityStatus status) =>
        string.Concat(status.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>
    /// The window frames order by microseconds since the epoch, not by the TIMESTAMPTZ itself: the same instants
    /// and the same frames, but a frame bound on TIMESTAMPTZ ± INTERVAL goes through calendar arithmetic per row,
    /// which made the windows most of the alignment's time (docs/consolidation.md, "Speed").
    /// </summary>
    private const long MicrosPerMinute = 60_000_000;

    private static string TYears() =>
        $"greatest(epoch_us(t.settlement) - epoch_us(b.ts) - 60000000, 0) / 60000000.0 / {Number(YearFraction.MinutesPerYear)}";

    private static string Return(int minutes) =>
        $"b.close / nullif(last_value(b.close) OVER (PARTITION BY b.ticker ORDER BY epoch_us(b.ts) RANGE BETWEEN UNBOUNDED PRECEDING AND {minutes * MicrosPerMinute} PRECEDING), 0) - 1";

    private static string RollingVolume(int minutes) =>
        $"CAST(sum(b.volume) OVER (PARTITION BY b.ticker ORDER BY epoch_us(b.ts) RANGE BETWEEN {(minutes - 1) * MicrosPerMinute} PRECEDING AND CURRENT ROW) AS BIGINT)";

    private static string Number(double value) => $"CAST({value.ToString("R", CultureInfo.InvariantCulture)} AS DOUBLE)";
}
