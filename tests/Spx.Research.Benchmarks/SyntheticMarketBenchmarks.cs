using BenchmarkDotNet.Attributes;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// One full year of the synthetic market (2024: 252 sessions) with the <c>bench</c> profile: SPY per-second
/// bars (5.9 M), SPX and VIX minute bars, SPY minute bars, about 100 near-the-money SPY option contracts a
/// day with minute bars, news and labels. Goal: generated and written to a lake in ≤ 60 s on a 2-core
/// machine. The in-memory run (no lake) is the baseline, so the ratio is what writing Parquet costs.
/// </summary>
[BenchmarkCategory("generator")]
[WarmupCount(0)]
[IterationCount(3)]
public class SyntheticMarketBenchmarks
{
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private readonly SyntheticMarket _market = new(new SyntheticMarketOptions { Seed = 42, Profile = SyntheticProfile.Bench });
    private string _root = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("spx-bench-generator-").FullName;
        var sessions = _market.Sessions(From, To).Count;
        if (sessions != 252) throw new InvalidOperationException($"expected 252 sessions in 2024, the calendar has {sessions}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "generate 1 year in memory")]
    public long GenerateInMemory()
    {
        long rows = 0;
        foreach (var session in _market.Generate(From, To)) rows += session.Rows;
        return rows;
    }

    [Benchmark(Description = "generate 1 year into a lake")]
    public long GenerateIntoLake()
    {
        var lake = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        try
        {
            return SyntheticLakeWriter.Generate(_market, From, To, lake);
        }
        finally
        {
            Directory.Delete(lake, recursive: true);
        }
    }
}
