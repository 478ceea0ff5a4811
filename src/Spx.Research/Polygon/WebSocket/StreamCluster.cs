namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A Polygon/Massive WebSocket cluster: each is its own endpoint (<c>wss://host/stocks</c> …) and the
/// account may hold one connection per cluster. Index options (<c>O:SPXW…</c>) stream on
/// <see cref="Options"/>; index values and aggregates (<c>I:SPX</c>) on <see cref="Indices"/>.
/// </summary>
public enum StreamCluster
{
    Stocks,
    Options,
    Indices,
}

/// <summary>The URL path of each cluster.</summary>
public static class StreamClusterExtensions
{
    /// <summary>The path segment the server routes on: <c>stocks</c>, <c>options</c> or <c>indices</c>.</summary>
    public static string PathSegment(this StreamCluster cluster) => cluster switch
    {
        StreamCluster.Stocks => "stocks",
        StreamCluster.Options => "options",
        StreamCluster.Indices => "indices",
        _ => throw new ArgumentOutOfRangeException(nameof(cluster), cluster, "unknown cluster"),
    };
}
