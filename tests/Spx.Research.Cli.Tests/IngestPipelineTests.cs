using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// The backfill pipeline in process against the simulator on loopback (issue 11, docs/ingest.md, "Pipeline"): day N's
/// options start before day N+1's underlying is stored, and under the free plan at most 5 requests start per window,
/// all tickers together. The window is the token bucket's own (replenished by hand), never the wall clock.
/// </summary>
public sealed class IngestPipelineTests : IDisposable
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-ingest-pipeline-").FullName;
    private readonly List<PolygonRestClient> _clients = [];

    public void Dispose()
    {
        _clients.ForEach(c => c.Dispose());
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Day_ns_options_start_before_day_n_plus_1s_minute_bars_are_stored()
    {
        var events = new ConcurrentQueue<UnitEvent>();
        var optionsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Tuesday's SPY minute bars are held until Monday's options have started (a minute at most, so a pipeline
        // that runs all underlying days first ends, and fails the assertion, instead of hanging).
        var handler = new RecordingHandler(async request =>
        {
            if (request.RequestUri!.AbsolutePath.Contains("/ticker/SPY/range/1/minute/2025-03-04", StringComparison.Ordinal))
                await optionsStarted.Task.WaitAsync(TimeSpan.FromMinutes(1)).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        await using var simulator = BackfillProcess.Simulator();
        var request = Request(Monday, Monday.AddDays(2), ["SPY"], "minutes,contracts,options", parallelism: 4);
        using var limiter = new CountingRateLimiter(null);
        var backfill = Backfill(await simulator.StartAsync(), handler, limiter, request);
        backfill.Progress.Events = e =>
        {
            events.Enqueue(e);
            if (e is { Stage: UnitStage.Started, Unit.Source: IngestSource.Options } && e.Unit.Day == Monday) optionsStarted.TrySetResult();
        };

        var report = await backfill.RunAsync();

        Assert.True(report.Complete, string.Join("; ", report.Failures));
        var log = events.ToList();
        int At(string key, UnitStage stage) => log.FindIndex(e => e.Unit.Key == key && e.Stage == stage);
        Assert.True(At("options/SPY/2025-03-03", UnitStage.Started) < At("minutes/SPY/2025-03-04", UnitStage.Stored),
            "Monday's options started only after Tuesday's minute bars were stored: " + string.Join(", ", log.Select(e => $"{e.Unit.Key} {e.Stage}")));
        foreach (var day in new[] { "2025-03-03", "2025-03-04", "2025-03-05" })
        {
            // What the options need is stored first, every day.
            Assert.True(At($"minutes/SPY/{day}", UnitStage.Stored) < At($"options/SPY/{day}", UnitStage.Started), day);
            Assert.True(At($"contracts/SPY/{day}", UnitStage.Stored) < At($"options/SPY/{day}", UnitStage.Started), day);
        }
    }

    [Fact]
    public async Task Under_the_free_plan_at_most_5_requests_start_per_window_across_all_tickers()
    {
        var handler = new RecordingHandler();
        await using var simulator = BackfillProcess.Simulator();
        // Two tickers and both indices on one session: 8 requests want to start at once, with 8 slots in flight.
        var request = Request(Monday, Monday, ["SPY", "QQQ"], "seconds,minutes,news,vix,spx", parallelism: 8);
        using var bucket = (TokenBucketRateLimiter)RatePlan.Free.CreateLimiter(autoReplenishment: false)!;
        using var limiter = new CountingRateLimiter(bucket);
        var backfill = Backfill(await simulator.StartAsync(), handler, limiter, request);

        var run = backfill.RunAsync();
        var windows = new List<int>();
        var counted = 0;
        while (true)
        {
            // Wait until the window's permits are spent, every granted request has reached the server, and more
            // are waiting — or the job is over. Only then does the next window open.
            var settled = SpinWait.SpinUntil(() => run.IsCompleted || (handler.Count == limiter.Granted
                && bucket.GetStatistics()!.CurrentAvailablePermits == 0 && bucket.GetStatistics()!.CurrentQueuedCount > 0), TimeSpan.FromMinutes(2));
            Assert.True(settled, $"the backfill neither finished nor waited on the limiter; windows so far: {string.Join(", ", windows)}");
            windows.Add(handler.Count - counted);
            counted = handler.Count;
            if (run.IsCompleted) break;
            bucket.TryReplenish();
        }
        var report = await run;

        Assert.True(report.Failures.Count == 0, string.Join("; ", report.Failures));
        Assert.Equal(limiter.Granted, handler.Count);
        Assert.True(handler.Count >= 8, $"{handler.Count} requests");
        Assert.All(windows, started => Assert.InRange(started, 0, 5));
        Assert.Equal(5, windows[0]); // 8 wanted to start: a limiter per ticker would have let all of them through
        Assert.Contains(handler.Requests, r => r.Contains("SPY", StringComparison.Ordinal));
        Assert.Contains(handler.Requests, r => r.Contains("QQQ", StringComparison.Ordinal));
    }

    private Backfill Backfill(Uri baseUri, RecordingHandler handler, CountingRateLimiter limiter, BackfillRequest request)
    {
        var client = new PolygonRestClient(new PolygonClientOptions(new ApiKey(BackfillProcess.Key)) { BaseUri = baseUri, SharedRateLimiter = limiter, HttpMessageHandler = handler });
        _clients.Add(client);
        return new Backfill(client, limiter, new LakeLayout(Path.Combine(_root, "lake")), request);
    }

    private static BackfillRequest Request(DateOnly from, DateOnly to, string[] tickers, string sources, int parallelism) =>
        new(from, to, tickers, IngestSources.Parse(sources), DiscoveryRule.Default, Parallelism: parallelism);

    /// <summary>Passes requests on to loopback, noting each (path and query) as it starts; <paramref name="before"/> may hold one.</summary>
    private sealed class RecordingHandler(Func<HttpRequestMessage, Task>? before = null) : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly ConcurrentQueue<string> _requests = new();

        public IReadOnlyList<string> Requests => [.. _requests];

        public int Count => _requests.Count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _requests.Enqueue(request.RequestUri!.PathAndQuery);
            if (before is not null) await before(request);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
