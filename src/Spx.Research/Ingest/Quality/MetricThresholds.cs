namespace Spx.Research.Ingest.Quality;

/// <summary>When a source's figures become warnings (<c>ingest.quality</c> in the configuration).</summary>
public sealed record MetricThresholds
{
    /// <summary>The sliding window the figures cover.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A commit slower than this is a warning: data sits unpublished too long.</summary>
    public TimeSpan CommitLatency { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A failed share of requests above this (0.01 = 1 %) is a warning.</summary>
    public double ErrorRate { get; init; } = 0.01;
}
