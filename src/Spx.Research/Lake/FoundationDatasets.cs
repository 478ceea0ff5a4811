using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Lake;

/// <summary>
/// The datasets every research workflow starts from: bars for stocks, indices and options, the option
/// reference list, intraday chain snapshots (the hedging monitor), news and research labels.
/// Timestamps are UTC instants (<c>TIMESTAMPTZ</c>); a bar's <c>ts</c> is the start of its interval.
/// </summary>
/// <remarks>
/// The call/put column is <c>option_right</c> ('C' or 'P', the OCC ticker letter) rather than
/// <c>right</c>: <c>RIGHT</c> is a reserved word in DuckDB SQL and would need quoting in every query.
/// Stock volume is DOUBLE because Polygon sends volume as a JSON number that can be fractional
/// (split-adjusted aggregates); option volume counts contracts and is BIGINT.
/// </remarks>
public static class FoundationDatasets
{
    /// <summary>Per-second stock/ETF bars (e.g. SPY).</summary>
    public static DatasetSchema StockBars1s { get; } = StockBars("stock_bars_1s", "Per-second stock and ETF OHLCV bars.");

    /// <summary>Per-minute stock/ETF bars.</summary>
    public static DatasetSchema StockBars1m { get; } = StockBars("stock_bars_1m", "Per-minute stock and ETF OHLCV bars.");

    /// <summary>Per-minute index values (SPX, VIX): no volume, indices do not trade.</summary>
    public static DatasetSchema IndexBars1m { get; } = new(
        "index_bars_1m",
        "Per-minute index bars (I:SPX, I:VIX); indices have no volume.",
        [
            Required("ticker", "VARCHAR"),
            Required("ts", "TIMESTAMPTZ"),
            Required("open", "DOUBLE"),
            Required("high", "DOUBLE"),
            Required("low", "DOUBLE"),
            Required("close", "DOUBLE"),
        ],
        key: ["ticker", "ts"],
        sessionDateColumn: "ts");

    /// <summary>Per-minute option bars with the contract terms denormalised for filtering without a join.</summary>
    public static DatasetSchema OptionBars1m { get; } = new(
        "option_bars_1m",
        "Per-minute option OHLCV bars, with underlying, expiry, right and strike for filtering.",
        [
            Required("ticker", "VARCHAR"),
            Required("underlying", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("option_right", "VARCHAR"),
            Required("strike", "DOUBLE"),
            Required("ts", "TIMESTAMPTZ"),
            Required("open", "DOUBLE"),
            Required("high", "DOUBLE"),
            Required("low", "DOUBLE"),
            Required("close", "DOUBLE"),
            Required("volume", "BIGINT"),
            Optional("vwap", "DOUBLE"),
            Optional("trades", "BIGINT"),
        ],
        key: ["ticker", "ts"],
        sessionDateColumn: "ts");

    /// <summary>The option contracts listed on a day (reference data); the partition date is the as-of date.</summary>
    public static DatasetSchema OptionContracts { get; } = new(
        "option_contracts",
        "Option contracts listed as of the partition date (reference data).",
        [
            Required("ticker", "VARCHAR"),
            Required("underlying", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("option_right", "VARCHAR"),
            Required("strike", "DOUBLE"),
            Optional("exercise_style", "VARCHAR"),
            Optional("shares_per_contract", "BIGINT"),
            Optional("primary_exchange", "VARCHAR"),
            Optional("cfi", "VARCHAR"),
        ],
        key: ["ticker"]);

    /// <summary>
    /// Intraday option-chain polls (the hedging monitor): cumulative day volume and the change since the
    /// previous poll, open interest (as of the previous session), greeks and quotes at <c>snapshot_ts</c>.
    /// Greeks are in Polygon's units: theta per calendar day, vega per volatility point.
    /// </summary>
    public static DatasetSchema ChainSnapshots { get; } = new(
        "chain_snapshots",
        "Intraday option-chain snapshots: day volume, volume since last poll, OI, IV, greeks, quotes.",
        [
            Required("snapshot_ts", "TIMESTAMPTZ"),
            Required("ticker", "VARCHAR"),
            Required("underlying", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("option_right", "VARCHAR"),
            Required("strike", "DOUBLE"),
            Optional("day_volume", "BIGINT"),
            Optional("volume_delta", "BIGINT"),
            Optional("open_interest", "BIGINT"),
            Optional("iv", "DOUBLE"),
            Optional("delta", "DOUBLE"),
            Optional("gamma", "DOUBLE"),
            Optional("theta", "DOUBLE"),
            Optional("vega", "DOUBLE"),
            Optional("underlying_price", "DOUBLE"),
            Optional("bid", "DOUBLE"),
            Optional("ask", "DOUBLE"),
            Optional("bid_size", "DOUBLE"),
            Optional("ask_size", "DOUBLE"),
            Optional("last_price", "DOUBLE"),
            Optional("day_vwap", "DOUBLE"),
            Optional("day_close", "DOUBLE"),
        ],
        key: ["snapshot_ts", "ticker"],
        sessionDateColumn: "snapshot_ts");

    /// <summary>News articles with their tickers and (when the feed has it) sentiment.</summary>
    public static DatasetSchema News { get; } = new(
        "news",
        "News articles: tickers, title, publisher and sentiment where available.",
        [
            Required("id", "VARCHAR"),
            Required("published_utc", "TIMESTAMPTZ"),
            Required("tickers", "VARCHAR[]"),
            Required("title", "VARCHAR"),
            Optional("description", "VARCHAR"),
            Optional("article_url", "VARCHAR"),
            Optional("publisher", "VARCHAR"),
            Optional("author", "VARCHAR"),
            Optional("keywords", "VARCHAR[]"),
            Optional("sentiment", "VARCHAR"),
            Optional("sentiment_reasoning", "VARCHAR"),
        ],
        key: ["id"],
        sessionDateColumn: "published_utc");

    /// <summary>
    /// Research labels: ground truth for an event (a hedging episode, a sharp option move, a drawdown) with
    /// its time span and the option contracts that carry it, so detectors can be scored against it. Written
    /// by the synthetic market; scanners and hand-marking can write the same shape.
    /// </summary>
    public static DatasetSchema Labels { get; } = new(
        "labels",
        "Event labels: kind, instrument, start and end, the option contracts involved, size and outcome.",
        [
            Required("id", "VARCHAR"),
            Required("kind", "VARCHAR"),
            Required("ticker", "VARCHAR"),
            Required("start_ts", "TIMESTAMPTZ"),
            Optional("end_ts", "TIMESTAMPTZ"),
            Optional("contracts", "VARCHAR[]"),
            Optional("size", "DOUBLE"),
            Optional("outcome", "VARCHAR"),
            Optional("note", "VARCHAR"),
            Optional("source", "VARCHAR"),
        ],
        key: ["id"],
        sessionDateColumn: "start_ts");

    /// <summary>All foundation datasets, in a stable order.</summary>
    public static IReadOnlyList<DatasetSchema> All { get; } =
        [StockBars1s, StockBars1m, IndexBars1m, OptionBars1m, OptionContracts, ChainSnapshots, News, Labels];

    private static DatasetSchema StockBars(string name, string description) => new(
        name,
        description,
        [
            Required("ticker", "VARCHAR"),
            Required("ts", "TIMESTAMPTZ"),
            Required("open", "DOUBLE"),
            Required("high", "DOUBLE"),
            Required("low", "DOUBLE"),
            Required("close", "DOUBLE"),
            Required("volume", "DOUBLE"),
            Optional("vwap", "DOUBLE"),
            Optional("trades", "BIGINT"),
        ],
        key: ["ticker", "ts"],
        sessionDateColumn: "ts");
}
