using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// The momentum scan (<see cref="MomentumScanner.Run"/>: the summary and every event, as <c>spx scan momentum
/// --dry-run</c> computes them) over a generated year of SPY option minute bars: 2024, profile <c>bench</c>,
/// seed 211, 9,450,130 bars. Goal: ≥ 6 M bars/s (the pandas prototype does about 0.6 M). The baseline is the
/// all-SQL path (gaps and islands, two window passes); the kernel path is what <c>spx scan momentum</c> runs; reading
/// the same columns and only summing them shows what any scan must pay. Each iteration also logs the process CPU
/// time it used (all threads), which on a loaded machine is closer to the idle figure than the wall clock.
/// </summary>
/// <remarks>
/// Generating the year takes minutes, so the lake is kept in <c>artifacts/bench/lakes/</c> and reused by later
/// runs (the generator is deterministic; a lake without its completion marker is generated again).
/// </remarks>
[BenchmarkCategory("scanner")]
public class MomentumScanBenchmarks
{
    private const int Bars = 9_450_130;
    private const long Events = 115_838;
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private LakeSession _session = null!;
    private TimeSpan _cpuAtStart;

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
        // Both paths must find the events docs/benchmarks.md quotes (the kernel path with no date left to SQL).
        var sql = MomentumScanner.Run(_session, new MomentumScanOptions(), MomentumScanPath.Sql);
        var kernel = MomentumScanner.Run(_session, new MomentumScanOptions(), MomentumScanPath.Kernel);
        if (sql.Summary.Events != Events || kernel.Summary != sql.Summary with { HourDistribution = kernel.Summary.HourDistribution }
            || !kernel.Summary.HourDistribution.SequenceEqual(sql.Summary.HourDistribution) || !kernel.Events.SequenceEqual(sql.Events))
            throw new InvalidOperationException($"expected {Events:N0} events from both paths in {lake}, found {sql.Summary.Events:N0} (SQL) and {kernel.Summary.Events:N0} (kernel)");
        var sqlDates = _session.Run(connection =>
        {
            connection.ExecuteNonQuery(MomentumQueries.CreateTables());
            return MomentumKernelScan.Fill(connection, new MomentumScanOptions());
        });
        if (sqlDates.Count > 0) throw new InvalidOperationException($"the kernel left {sqlDates.Count} dates of {lake} to SQL, first {sqlDates[0]:yyyy-MM-dd}");
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [IterationSetup]
    public void StartCpuClock() => _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpuClock() =>
        Console.WriteLine($"// process CPU time: {(Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds:F0} ms");

    [Benchmark(Description = "read the scanned columns (sum only)", OperationsPerInvoke = Bars)]
    public double ReadColumns() => _session.Scalar<double>(
        "SELECT sum(open) + sum(close) + sum(epoch(ts)) + sum(length(ticker)) + count(date) FROM option_bars_1m WHERE underlying = 'SPY'");

    [Benchmark(Baseline = true, Description = "momentum scan, SQL path (baseline)", OperationsPerInvoke = Bars)]
    public long ScanSql() => MomentumScanner.Run(_session, new MomentumScanOptions(), MomentumScanPath.Sql).Summary.Events;

    [Benchmark(Description = "momentum scan, kernel path", OperationsPerInvoke = Bars)]
    public long Scan() => MomentumScanner.Run(_session, new MomentumScanOptions(), MomentumScanPath.Kernel).Summary.Events;
}
