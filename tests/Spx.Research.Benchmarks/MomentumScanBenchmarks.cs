using BenchmarkDotNet.Attributes;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// The momentum scan (<see cref="MomentumScanner.Run"/>: the summary and every event, as <c>spx scan momentum
/// --dry-run</c> computes them) over a generated year of SPY option minute bars: 2024, profile <c>bench</c>,
/// seed 211, 9,450,130 bars. Goal: ≥ 6 M bars/s (the pandas prototype does about 0.6 M). The baseline reads the
/// same columns of the same bars and only sums them, so the ratio is what the scan costs over reading.
/// </summary>
/// <remarks>
/// Generating the year takes minutes, so the lake is kept in <c>artifacts/bench/lakes/</c> and reused by later
/// runs (the generator is deterministic; a lake without its completion marker is generated again).
/// </remarks>
[BenchmarkCategory("scanner")]
public class MomentumScanBenchmarks
{
    private const int Bars = 9_450_130;
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private LakeSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        var lake = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "bench", "lakes", "bench-2024-seed211"));
        var marker = Path.Combine(lake, ".complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(lake)) Directory.Delete(lake, recursive: true);
            var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = SampleLake.Seed, Profile = SyntheticProfile.Bench });
            SyntheticLakeWriter.Generate(market, From, To, lake);
            File.WriteAllText(marker, "bench profile, seed 211, 2024\n");
        }
        _session = LakeSession.Open(lake);
        var bars = _session.Scalar<long>("SELECT count(*) FROM option_bars_1m WHERE underlying = 'SPY'");
        if (bars != Bars) throw new InvalidOperationException($"expected {Bars:N0} SPY option bars in {lake}, found {bars:N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark(Baseline = true, Description = "read the scanned columns (sum only)", OperationsPerInvoke = Bars)]
    public double ReadColumns() => _session.Scalar<double>(
        "SELECT sum(open) + sum(close) + sum(epoch(ts)) + sum(length(ticker)) + count(date) FROM option_bars_1m WHERE underlying = 'SPY'");

    [Benchmark(Description = "momentum scan: summary and events", OperationsPerInvoke = Bars)]
    public long Scan() => MomentumScanner.Run(_session, new MomentumScanOptions()).Summary.Events;
}
