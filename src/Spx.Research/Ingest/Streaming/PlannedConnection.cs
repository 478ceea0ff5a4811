using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>One WebSocket connection the stream opens: its cluster, its number within the cluster, its topics.</summary>
public sealed record PlannedConnection(StreamCluster Cluster, int Index, IReadOnlyList<string> Topics)
{
    /// <summary>e.g. <c>options#1</c>, for log lines.</summary>
    public string Name => $"{Cluster.PathSegment()}#{Index + 1}";
}
