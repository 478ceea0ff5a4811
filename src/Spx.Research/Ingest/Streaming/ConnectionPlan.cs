using Spx.Research.Configuration;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// Which topics go on which connection: per cluster, chunks of at most <c>max_subscriptions_per_connection</c>,
/// and at most <c>max_connections_per_cluster</c> chunks. The API allows one connection per cluster and key (a
/// second one gets <c>max_connections</c>, and the simulator does the same), so "more connections" means more
/// clusters; when one cluster needs more than it may have, the plan is refused with the numbers rather than
/// recording part of what was asked for (docs/streaming.md).
/// </summary>
public static class ConnectionPlan
{
    /// <summary>The topics of the stocks, indices and options clusters for <paramref name="tickers"/>, <paramref name="settings"/> and the day's contracts.</summary>
    public static IReadOnlyDictionary<StreamCluster, IReadOnlyList<string>> Topics(IngestStreamSettings settings, IReadOnlyList<string> tickers, IReadOnlyList<string> contracts)
    {
        var stocks = new List<string>();
        foreach (var ticker in tickers)
        {
            if (settings.SecondBars) stocks.Add(StreamSource.StockSeconds.Topic(ticker));
            stocks.Add(StreamSource.StockMinutes.Topic(ticker));
        }
        return new Dictionary<StreamCluster, IReadOnlyList<string>>
        {
            [StreamCluster.Stocks] = stocks,
            [StreamCluster.Indices] = [.. settings.Indices.Select(StreamSource.IndexMinutes.Topic)],
            [StreamCluster.Options] = [.. contracts.Select(StreamSource.OptionMinutes.Topic)],
        };
    }

    /// <summary>The connections to open; clusters without topics get none.</summary>
    /// <exception cref="StreamPlanException">A cluster needs more connections than allowed.</exception>
    public static IReadOnlyList<PlannedConnection> Split(IReadOnlyDictionary<StreamCluster, IReadOnlyList<string>> topics, int perConnection, int connectionsPerCluster)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perConnection, 1);
        var plan = new List<PlannedConnection>();
        foreach (var (cluster, list) in topics.OrderBy(t => t.Key))
        {
            var distinct = list.Distinct(StringComparer.Ordinal).ToArray();
            var chunks = distinct.Chunk(perConnection).ToArray();
            if (chunks.Length > connectionsPerCluster)
                throw new StreamPlanException(
                    $"{cluster.PathSegment()}: {distinct.Length} topics need {chunks.Length} connections of at most {perConnection}, " +
                    $"but ingest.stream.max_connections_per_cluster is {connectionsPerCluster} (the API allows one per cluster and key); " +
                    "record fewer contracts or raise ingest.stream.max_subscriptions_per_connection");
            plan.AddRange(chunks.Select((chunk, i) => new PlannedConnection(cluster, i, chunk)));
        }
        return plan;
    }
}
