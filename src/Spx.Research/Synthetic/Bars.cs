namespace Spx.Research.Synthetic;

/// <summary>An index bar (SPX, VIX): indices do not trade, so no volume.</summary>
public readonly record struct IndexBar(string Ticker, DateTimeOffset Start, double Open, double High, double Low, double Close);

/// <summary>A stock or ETF bar with volume, VWAP and trade count, as Polygon's aggregates carry them.</summary>
public readonly record struct StockBar(string Ticker, DateTimeOffset Start, double Open, double High, double Low, double Close, double Volume, double Vwap, long Trades);

/// <summary>A per-minute option bar; only minutes with trades have one, as in real aggregates.</summary>
public readonly record struct OptionBar(ListedOption Contract, DateTimeOffset Start, double Open, double High, double Low, double Close, long Volume, double Vwap, long Trades);
