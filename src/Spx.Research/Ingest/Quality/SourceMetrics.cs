namespace Spx.Research.Ingest.Quality;

/// <summary>
/// Health of one source (a ticker's bars, a stream, news) over a sliding window, 15 minutes by default: commit
/// latency percentiles, rows per second and the error rate, with warnings past the thresholds (docs/data-quality.md).
/// Memory is bounded by the window: commits are kept one by one (a pipeline commits a few times a minute), requests
/// in one-second buckets. Thread-safe; the clock is a <see cref="TimeProvider"/> so tests run in fake time.
/// </summary>
public sealed class SourceMetrics
{
    private readonly TimeProvider _time;
    private readonly Queue<(DateTimeOffset At, TimeSpan Latency, long Rows)> _commits = new();
    private readonly Queue<RequestBucket> _requests = new();
    private RequestBucket? _newest;
    private readonly DateTimeOffset _started;
    private readonly Lock _gate = new();

    /// <param name="source">Name shown in warnings and status, e.g. <c>stock_bars_1m:SPY</c>.</param>
    public SourceMetrics(string source, TimeProvider time, MetricThresholds? thresholds = null)
    {
        Source = source;
        _time = time;
        Thresholds = thresholds ?? new MetricThresholds();
        _started = time.GetUtcNow();
    }

    /// <summary>The source's name.</summary>
    public string Source { get; }

    /// <summary>Window and warning limits.</summary>
    public MetricThresholds Thresholds { get; }

    /// <summary>Records a batch committed to the lake: how long from its first row's arrival to the commit, and its rows.</summary>
    public void Commit(TimeSpan latency, long rows)
    {
        lock (_gate)
        {
            _commits.Enqueue((_time.GetUtcNow(), latency, rows));
            Prune();
        }
    }

    /// <summary>Records one request (or message) that succeeded or failed.</summary>
    public void Request(bool failed)
    {
        lock (_gate)
        {
            var second = _time.GetUtcNow().ToUnixTimeSeconds();
            if (_newest is null || _newest.Second != second) _requests.Enqueue(_newest = new RequestBucket(second));
            var bucket = _newest;
            if (failed) bucket.Failed++;
            else bucket.Ok++;
            Prune();
        }
    }

    /// <summary>The figures over the window ending now, with any warnings.</summary>
    public SourceMetricsSnapshot Snapshot()
    {
        lock (_gate)
        {
            Prune();
            var now = _time.GetUtcNow();
            var latencies = _commits.Select(c => c.Latency.TotalSeconds).Order().ToArray();
            var span = Math.Max(1, Math.Min(Thresholds.Window.TotalSeconds, (now - _started).TotalSeconds));
            var ok = _requests.Sum(r => r.Ok);
            var failed = _requests.Sum(r => r.Failed);
            var rate = ok + failed == 0 ? 0 : (double)failed / (ok + failed);
            var slowest = latencies.Length == 0 ? 0 : latencies[^1];
            var warnings = new List<string>();
            if (slowest > Thresholds.CommitLatency.TotalSeconds)
                warnings.Add($"{Source}: a commit took {slowest:0.#} s, over the {Thresholds.CommitLatency.TotalSeconds:0.#} s limit");
            if (rate > Thresholds.ErrorRate)
                warnings.Add($"{Source}: {failed} of {ok + failed} requests failed ({rate:P1}) in the last {Thresholds.Window.TotalMinutes:0.#} min, over the {Thresholds.ErrorRate:P1} limit");
            return new SourceMetricsSnapshot(
                Source, now, latencies.Length, Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99),
                _commits.Sum(c => c.Rows) / span, ok + failed, failed, rate, warnings);
        }
    }

    /// <summary>Nearest-rank percentile of sorted values; null for none.</summary>
    internal static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Requests of one second.</summary>
    private sealed class RequestBucket(long second)
    {
        public long Second { get; } = second;

        public long Ok { get; set; }

        public long Failed { get; set; }
    }

    private void Prune()
    {
        var cutoff = _time.GetUtcNow() - Thresholds.Window;
        while (_commits.Count > 0 && _commits.Peek().At <= cutoff) _commits.Dequeue();
        var cutoffSecond = cutoff.ToUnixTimeSeconds();
        while (_requests.Count > 0 && _requests.Peek().Second < cutoffSecond) _requests.Dequeue();
    }
}
