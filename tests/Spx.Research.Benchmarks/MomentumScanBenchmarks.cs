using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Spx.Research.Configuration;
using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// The momentum scan (<see cref="MomentumScanner.Run(LakeSession, MomentumScanOptions)"/>: the summary and every event,
/// as <c>spx scan momentum --dry-run</c> computes them) over a generated year of SPY option minute bars: 2024, profile
/// <c>bench</c>, seed 211, 9,450,130 bars. Goal: ≥ 6 M bars/s (the pandas prototype does about 0.6 M). The baseline is
/// the all-SQL path (gaps and islands, two window passes); the kernel path is what <c>spx scan momentum</c> runs, on
/// the year as generated and on the same year consolidated (so each event's explained move reads <c>option_minutes</c>);
/// reading the same columns and only summing them shows what any scan must pay. Each iteration also logs the process
/// CPU time it used (all threads), which on a loaded machine is closer to the idle figure than the wall clock.
/// </summary>
/// <remarks>
/// Generating the year takes a minute or two and consolidating it a few more, so both lakes are kept in
/// <c>artifacts/bench/lakes/</c> and reused by later runs (the generator and the consolidation are deterministic; a
/// lake without its completion marker is built again, or its consolidation resumed).
/// </remarks>
[BenchmarkCategory("scanner")]
public class MomentumScanBenchmarks
{
    private const int Bars = 9_450_130;
    private const long Events = 115_838;
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 12, 31);
    private LakeSession _session = null!;
    private LakeSession _consolidated = null!;
    private TimeSpan _cpuAtStart;

    [GlobalSetup]
    public void Setup()
    {
        _session = LakeSession.Open(Lake("bench-2024-seed211", consolidate: false));
        _consolidated = LakeSession.Open(Lake("bench-2024-seed211-minutes", consolidate: true));
        foreach (var session in new[] { _session, _consolidated }) CheckBothPathsAgree(session);
        var explained = MomentumScanner.Run(_consolidated, new MomentumScanOptions()).Events.Count(e => e.SpotMove is not null);
        if (explained != Events) throw new InvalidOperationException($"expected every event of the consolidated year to have its spot move, {explained:N0} of {Events:N0} have");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        _consolidated.Dispose();
    }

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
    public long Scan() => MomentumScanner.Run(_session, new MomentumScanOptions()).Summary.Events;

    [Benchmark(Description = "momentum scan, kernel path, option_minutes present", OperationsPerInvoke = Bars)]
    public long ScanConsolidated() => MomentumScanner.Run(_consolidated, new MomentumScanOptions()).Summary.Events;

    /// <summary>The lake under <c>artifacts/bench/lakes/</c>, generated (and consolidated) first when it is not complete.</summary>
    /// <remarks>
    /// Consolidation goes date by date and skips dates already consolidated: a run that BenchmarkDotNet stops while it
    /// prepares the lake (its in-process toolchain allows a benchmark a few minutes) resumes there the next time.
    /// </remarks>
    private static string Lake(string name, bool consolidate)
    {
        var lake = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "bench", "lakes", name));
        var complete = Path.Combine(lake, ".complete");
        if (File.Exists(complete)) return lake;
        var generated = Path.Combine(lake, ".generated");
        if (!File.Exists(generated))
        {
            if (Directory.Exists(lake)) Directory.Delete(lake, recursive: true);
            var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = SampleLake.Seed, Profile = SyntheticProfile.Bench });
            SyntheticLakeWriter.Generate(market, From, To, lake);
            File.WriteAllText(generated, "bench profile, seed 211, 2024\n");
        }
        if (consolidate)
        {
            var layout = new LakeLayout(lake);
            var done = layout.Partitions(ConsolidationDatasets.OptionMinutes.Name).ToHashSet();
            // spx consolidate's defaults (PricingSettings).
            var pricing = new PricingSettings();
            foreach (var date in layout.Partitions(FoundationDatasets.OptionBars1m.Name).Where(d => !done.Contains(d)))
                Consolidator.Run(layout, new ConsolidationOptions("SPY", date, date, pricing.Rate, pricing.SpyYield));
        }
        File.WriteAllText(complete, $"bench profile, seed 211, 2024{(consolidate ? ", consolidated" : "")}\n");
        return lake;
    }

    /// <summary>Both paths must find the events docs/benchmarks.md quotes, alike (the kernel path with no date left to SQL).</summary>
    private static void CheckBothPathsAgree(LakeSession session)
    {
        var lake = session.Layout.Root;
        var bars = session.Scalar<long>("SELECT count(*) FROM option_bars_1m WHERE underlying = 'SPY'");
        if (bars != Bars) throw new InvalidOperationException($"expected {Bars:N0} SPY option bars in {lake}, found {bars:N0}");
        var sql = MomentumScanner.Run(session, new MomentumScanOptions(), MomentumScanPath.Sql);
        var kernel = MomentumScanner.Run(session, new MomentumScanOptions(), MomentumScanPath.Kernel);
        if (sql.Summary.Events != Events || kernel.Summary != sql.Summary with { HourDistribution = kernel.Summary.HourDistribution }
            || !kernel.Summary.HourDistribution.SequenceEqual(sql.Summary.HourDistribution) || !kernel.Events.SequenceEqual(sql.Events))
            throw new InvalidOperationException($"expected {Events:N0} events from both paths in {lake}, found {sql.Summary.Events:N0} (SQL) and {kernel.Summary.Events:N0} (kernel)");
        var sqlDates = session.Run(connection =>
        {
            connection.ExecuteNonQuery(MomentumQueries.CreateTables());
            return MomentumKernelScan.Fill(connection, new MomentumScanOptions());
        });
        if (sqlDates.Count > 0) throw new InvalidOperationException($"the kernel left {sqlDates.Count} dates of {lake} to SQL, first {sqlDates[0]:yyyy-MM-dd}");
    }
}
