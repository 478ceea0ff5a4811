using System.Collections.Concurrent;

namespace Spx.Research.Ingest.Quality;

/// <summary>
/// One <see cref="SourceMetrics"/> per source name, made on first use, so a pipeline with many sources (a backfill's
/// <c>stock_bars_1m:SPY</c>, <c>news:SPY</c>, …, a stream's datasets) hands its job record every source's figures.
/// </summary>
public sealed class SourceMetricsSet(TimeProvider time, MetricThresholds? thresholds = null)
{
    private readonly ConcurrentDictionary<string, SourceMetrics> _sources = new(StringComparer.Ordinal);

    /// <summary>The metrics of <paramref name="source"/>.</summary>
    public SourceMetrics For(string source) => _sources.GetOrAdd(source, name => new SourceMetrics(name, time, thresholds));

    /// <summary>Every source's figures now, by name.</summary>
    public IReadOnlyList<SourceMetricsSnapshot> Snapshots() =>
        [.. _sources.Values.OrderBy(s => s.Source, StringComparer.Ordinal).Select(s => s.Snapshot())];
}
