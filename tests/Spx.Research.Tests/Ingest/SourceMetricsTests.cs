using Microsoft.Extensions.Time.Testing;
using Spx.Research.Ingest.Quality;

namespace Spx.Research.Tests.Ingest;

/// <summary><see cref="SourceMetrics"/> in fake time: percentiles by nearest rank, the sliding window, the warning thresholds.</summary>
public sealed class SourceMetricsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_commits_in_the_window()
    {
        var metrics = new SourceMetrics("spy", _time);
        // 1..100 seconds, one commit of 10 rows per second of fake time.
        foreach (var seconds in Enumerable.Range(1, 100))
        {
            metrics.Commit(TimeSpan.FromSeconds(seconds), 10);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var snapshot = metrics.Snapshot();

        Assert.Equal(100, snapshot.Commits);
        Assert.Equal(50, snapshot.CommitP50Seconds);
        Assert.Equal(95, snapshot.CommitP95Seconds);
        Assert.Equal(99, snapshot.CommitP99Seconds);
        Assert.Equal(1000.0 / 100, snapshot.RowsPerSecond, 9);
    }

    [Fact]
    public void Commits_and_requests_older_than_the_window_are_forgotten()
    {
        var metrics = new SourceMetrics("spy", _time);
        metrics.Commit(TimeSpan.FromMinutes(6), 1);
        metrics.Request(failed: true);
        Assert.Equal(2, metrics.Snapshot().Warnings.Count);

        // Requests are counted per second, so the window forgets them a second late at most.
        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        metrics.Commit(TimeSpan.FromSeconds(2), 900);
        var later = metrics.Snapshot();

        Assert.Equal(1, later.Commits);
        Assert.Equal(2, later.CommitP99Seconds);
        Assert.Equal(0, later.Requests);
        Assert.Empty(later.Warnings);
        Assert.Equal(1.0, later.RowsPerSecond, 9);
    }

    // ok requests, failed requests, slowest commit (s), warnings expected
    [Theory]
    [InlineData(99, 1, 300, 0)]    // exactly 1 % and exactly 5 min: at the limits, not past them
    [InlineData(98, 2, 300, 1)]    // 2 % errors
    [InlineData(100, 0, 301, 1)]   // a commit over 5 min
    [InlineData(0, 1, 301, 2)]
    [InlineData(0, 0, 0, 0)]       // nothing yet: no warning, error rate 0
    public void Warnings_fire_past_the_thresholds(int ok, int failed, int slowestSeconds, int warnings)
    {
        var metrics = new SourceMetrics("spy", _time);
        for (var i = 0; i < ok; i++) metrics.Request(failed: false);
        for (var i = 0; i < failed; i++) metrics.Request(failed: true);
        if (slowestSeconds > 0) metrics.Commit(TimeSpan.FromSeconds(slowestSeconds), 1);

        var snapshot = metrics.Snapshot();

        Assert.Equal(warnings, snapshot.Warnings.Count);
        Assert.All(snapshot.Warnings, w => Assert.StartsWith("spy: ", w, StringComparison.Ordinal));
        Assert.Equal(ok + failed == 0 ? 0 : (double)failed / (ok + failed), snapshot.ErrorRate, 12);
    }

    [Fact]
    public void Requests_in_many_seconds_keep_one_bucket_per_second()
    {
        var metrics = new SourceMetrics("spy", _time, new MetricThresholds { Window = TimeSpan.FromSeconds(10) });
        for (var second = 0; second < 30; second++)
        {
            metrics.Request(failed: second % 3 == 0);
            metrics.Request(failed: false);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var snapshot = metrics.Snapshot();

        // The last 10 whole seconds: seconds 20..29, of which 21, 24, 27 had a failure.
        Assert.Equal(20, snapshot.Requests);
        Assert.Equal(3, snapshot.Errors);
    }
}
