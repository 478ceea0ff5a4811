using BenchmarkDotNet.Attributes;
using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Simulator;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Issue 11's backfill figures: two weeks (2025-03-03..14, seed 7, every source, SPY) from the simulator on loopback
/// with the rate limit off, into a fresh lake each invocation (the baseline), and the resume cost — the same job
/// again over the complete lake, every unit found in the checkpoint and re-hashed. Each invocation prints its rows
/// and the summed download (network + JSON decode) and write (staging, validation, Parquet) times of its units.
/// Results: docs/benchmarks.md.
/// </summary>
[BenchmarkCategory("backfill")]
[WarmupCount(1)]
[IterationCount(3)]
public class BackfillBenchmarks
{
    private static readonly DateOnly From = new(2025, 3, 3), To = new(2025, 3, 14);

    private string _root = null!;
    private PolygonSimulator _simulator = null!;
    private Uri _baseUri = null!;
    private string _lake = null!;
    private string _complete = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("spx-bench-backfill-").FullName;
        var served = Path.Combine(_root, "served");
        SyntheticLakeWriter.Generate(new SyntheticMarket(new SyntheticMarketOptions { Seed = 7 }), From, To, served);
        _simulator = new PolygonSimulator(new SimulatorOptions { LakeRoot = served, Speed = ReplaySpeed.Max });
        _baseUri = _simulator.StartAsync().GetAwaiter().GetResult();
        _complete = Path.Combine(_root, "complete");
        var first = Run(_complete).GetAwaiter().GetResult();
        if (!first.Complete || first.Totals.Rows == 0) throw new InvalidOperationException($"backfill bench: the first run failed: {string.Join("; ", first.Failures)}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_root, recursive: true);
    }

    [IterationSetup(Target = nameof(Fresh))]
    public void FreshLake() => _lake = Path.Combine(_root, Guid.NewGuid().ToString("N"));

    [IterationCleanup(Target = nameof(Fresh))]
    public void DeleteLake() => Directory.Delete(_lake, recursive: true);

    [Benchmark(Baseline = true, Description = "backfill two weeks into a fresh lake")]
    public async Task<long> Fresh() => Report("fresh", await Run(_lake));

    [Benchmark(Description = "resume with every unit stored (checkpoint + re-hash)")]
    public async Task<long> Resume() => Report("resume", await Run(_complete));

    private async Task<BackfillReport> Run(string lake)
    {
        using var limiter = new CountingRateLimiter(null);
        using var client = new PolygonRestClient(new PolygonClientOptions(new ApiKey(SimulatorOptions.DefaultApiKey)) { BaseUri = _baseUri, SharedRateLimiter = limiter });
        var request = new BackfillRequest(From, To, ["SPY"], new HashSet<IngestSource>(IngestSources.All), DiscoveryRule.Default);
        return await new Backfill(client, limiter, new LakeLayout(lake), request).RunAsync();
    }

    private static long Report(string what, BackfillReport report)
    {
        var t = report.Totals;
        if (!report.Complete) throw new InvalidOperationException($"backfill bench {what}: {string.Join("; ", report.Failures.Concat(report.NoData))}");
        Console.WriteLine($"// {what}: {t.Units} units ({t.Skipped} already stored), {t.Rows:N0} rows, {t.Requests} requests, " +
            $"{t.Elapsed.TotalSeconds:0.000} s = {t.Rows / t.Elapsed.TotalSeconds:N0} rows/s; summed download {t.Download.TotalSeconds:0.000} s, write {t.Write.TotalSeconds:0.000} s");
        return t.Rows;
    }
}
