using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Consolidation (<see cref="Consolidator.Run"/>, what <c>spx consolidate</c> does: check the inputs, read and align
/// each date in DuckDB, build the rows and price them in C#, write and publish each partition) over a generated year:
/// 2024, profile <c>bench</c>, seed 211, 9,450,130 SPY option minute bars. Goal: the year in ≤ 10 s (≥ 1.14 M rows/s,
/// 10× the pandas prototype's 114,000 rows/s). The baseline reads the bars' columns and sums them; the run is measured
/// with one worker and with one per core (the default), so the ratio shows what the parallel dates give. Each
/// iteration logs the process CPU time it used (all threads), the figure a loaded machine distorts least.
/// </summary>
/// <remarks>
/// The lake is generated once into <c>artifacts/bench/lakes/</c> and reused (the generator is deterministic); it is
/// not the scanner benchmark's lake, because consolidation adds <c>option_minutes</c>, which the scanner reads too.
/// Every iteration after the first rewrites byte-identical files (each date reports "unchanged").
/// </remarks>
[BenchmarkCategory("consolidation")]
public class ConsolidationBenchmarks
{
    private const int Rows = 9_450_130;
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private ConsolidationOptions _options = null!;
    private LakeLayout _lake = null!;
    private LakeSession _session = null!;
    private TimeSpan _cpuAtStart;

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "bench", "lakes", "bench-2024-seed211-consolidation"));
        var marker = Path.Combine(root, ".complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = SampleLake.Seed, Profile = SyntheticProfile.Bench });
            SyntheticLakeWriter.Generate(market, From, To, root);
            File.WriteAllText(marker, "bench profile, seed 211, 2024\n");
        }
        _lake = new LakeLayout(root);
        _options = new ConsolidationOptions("SPY", From, To, 0.043, 0.013);
        _session = LakeSession.Open(root);
        var bars = _session.Scalar<long>("SELECT count(*) FROM option_bars_1m WHERE underlying = 'SPY'");
        if (bars != Rows) throw new InvalidOperationException($"expected {Rows:N0} SPY option bars in {root}, found {bars:N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [IterationSetup]
    public void StartCpuClock() => _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpuClock() =>
        Console.WriteLine($"// process CPU time: {(Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds:F0} ms");

    [Benchmark(Baseline = true, Description = "read the bars' columns (sum only)", OperationsPerInvoke = Rows)]
    public double ReadColumns() => _session.Scalar<double>(
        "SELECT sum(close) + sum(open) + sum(high) + sum(low) + sum(strike) + sum(epoch(ts)) + sum(volume) + sum(length(ticker)) FROM option_bars_1m WHERE underlying = 'SPY'");

    [Benchmark(Description = "consolidate the year, one worker", OperationsPerInvoke = Rows)]
    public long OneWorker() => Consolidator.Run(_lake, _options, workers: 1).Sum(d => (long)d.Rows);

    [Benchmark(Description = "consolidate the year (spx consolidate: a worker per core)", OperationsPerInvoke = Rows)]
    public long EndToEnd() => Consolidator.Run(_lake, _options).Sum(d => (long)d.Rows);
}
