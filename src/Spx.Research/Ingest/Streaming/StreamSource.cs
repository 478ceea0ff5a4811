using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// One thing the stream records, named after the dataset it fills: which cluster and event type feed it
/// (none for news, which is polled). Heartbeats, counters and the checkpoint are kept per source.
/// </summary>
/// <param name="Dataset">The lake dataset the source's rows go to.</param>
/// <param name="Cluster">The WebSocket cluster, or null for a polled source.</param>
/// <param name="EventType"><c>A</c> or <c>AM</c>, or null for a polled source.</param>
public sealed record StreamSource(string Dataset, StreamCluster? Cluster, string? EventType)
{
    /// <summary>Stock and ETF seconds: <c>A</c> on stocks.</summary>
    public static StreamSource StockSeconds { get; } = new("stock_bars_1s", StreamCluster.Stocks, "A");

    /// <summary>Stock and ETF minutes: <c>AM</c> on stocks.</summary>
    public static StreamSource StockMinutes { get; } = new("stock_bars_1m", StreamCluster.Stocks, "AM");

    /// <summary>Index minutes (I:SPX, I:VIX): <c>AM</c> on indices.</summary>
    public static StreamSource IndexMinutes { get; } = new("index_bars_1m", StreamCluster.Indices, "AM");

    /// <summary>Option minutes for the day's contracts: <c>AM</c> on options.</summary>
    public static StreamSource OptionMinutes { get; } = new("option_bars_1m", StreamCluster.Options, "AM");

    /// <summary>News articles, polled over REST.</summary>
    public static StreamSource News { get; } = new("news", null, null);

    /// <summary>Every source, in a stable order.</summary>
    public static IReadOnlyList<StreamSource> All { get; } = [StockSeconds, StockMinutes, IndexMinutes, OptionMinutes, News];

    /// <summary>The source an aggregate from <paramref name="cluster"/> feeds, or null for one we did not ask for.</summary>
    public static StreamSource? For(StreamCluster cluster, string eventType) =>
        All.FirstOrDefault(s => s.Cluster == cluster && s.EventType == eventType);

    /// <summary>The dataset late events of this source go to (docs/streaming.md, "Late data").</summary>
    public string LateDataset => Dataset + StreamDatasets.LateSuffix;

    /// <summary>The wire topic for <paramref name="symbol"/>, e.g. <c>AM.SPY</c>.</summary>
    public string Topic(string symbol) => $"{EventType}.{symbol}";

    /// <inheritdoc />
    public override string ToString() => Dataset;
}
