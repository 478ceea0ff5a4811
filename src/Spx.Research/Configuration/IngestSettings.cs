namespace Spx.Research.Configuration;

/// <summary>The SPY data platform's ingestion: <c>spx ingest stream</c> (and, on its own branch, the backfill).</summary>
public sealed record IngestSettings
{
    /// <summary>Live streaming into the lake (docs/streaming.md).</summary>
    public IngestStreamSettings Stream { get; init; } = new();
}
