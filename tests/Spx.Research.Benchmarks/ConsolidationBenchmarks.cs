using BenchmarkDotNet.Attributes;
using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Consolidation (<see cref="Consolidator"/>) over generated SPY option minutes: January 2024, profile <c>bench</c>,
/// seed 211, 688,014 bars (a year does not fit the time this machine gives a run; the figure is rows/s). Goal: ≥ 1.14 M rows/s end
/// to end (10× the pandas prototype's 114,000). The steps are measured cumulatively — prepare (numbered bars,
/// settlements, as-of context); prepare + price; the whole run, whose write stages the wide row with its windows —
/// so the differences are the breakdown. The baseline reads the option bars' columns and sums them.
/// </summary>
/// <remarks>The lake is kept in <c>artifacts/bench/lakes/</c> and reused (the generator is deterministic).</remarks>
[BenchmarkCategory("consolidation")]
public class ConsolidationBenchmarks
{
    private const int Rows = 688_014;
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 1, 31);
    private ConsolidationOptions _options = null!;
    private LakeLayout _lake = null!;
    private LakeWriter _writer = null!;
    private List<ConsolidationInputs> _days = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "bench", "lakes", "bench-2024-01-seed211"));
        var marker = Path.Combine(root, ".complete");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = SampleLake.Seed, Profile = SyntheticProfile.Bench });
            SyntheticLakeWriter.Generate(market, From, To, root);
            File.WriteAllText(marker, "bench profile, seed 211, January 2024\n");
        }
        _lake = new LakeLayout(root);
        _options = new ConsolidationOptions("SPY", From, To, 0.043, 0.013);
        _days = _lake.Partitions("option_bars_1m").Where(d => d >= From && d <= To).Select(d => ConsolidationInputs.For(_lake, d)).ToList();
        _writer = new LakeWriter(_lake, DatasetRegistry.Default);
        var news = _lake.Partitions("news").Where(d => d <= To).SelectMany(d => _lake.PartitionFiles("news", d)).ToList();
        _writer.Connection.ExecuteNonQuery(ConsolidationQueries.CreateNews(news, "SPY"));
        using var session = LakeSession.Open(root);
        var bars = session.Scalar<long>($"SELECT count(*) FROM option_bars_1m WHERE underlying = 'SPY' AND date BETWEEN '{From:yyyy-MM-dd}' AND '{To:yyyy-MM-dd}'");
        if (bars != Rows) throw new InvalidOperationException($"expected {Rows:N0} SPY option bars in {root}, found {bars:N0}");
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(Baseline = true, Description = "read the bars' columns (sum only)", OperationsPerInvoke = Rows)]
    public double ReadColumns() => _days.Sum(d => _writer.Connection.ExecuteScalar<double>(
        $"SELECT sum(close) + sum(strike) + sum(epoch(ts)) + sum(volume) + sum(length(ticker)) FROM ({ConsolidationQueries.Read(d.OptionBars, FoundationDatasets.OptionBars1m)}) WHERE underlying = 'SPY'"));

    [Benchmark(Description = "prepare (bars, settlements, as-of context)", OperationsPerInvoke = Rows)]
    public int Align()
    {
        foreach (var day in _days) Consolidator.Align(_writer.Connection, day, _options);
        return _days.Count;
    }

    [Benchmark(Description = "prepare + price (IV and greeks)", OperationsPerInvoke = Rows)]
    public long AlignAndPrice()
    {
        var rows = 0L;
        foreach (var day in _days)
        {
            Consolidator.Align(_writer.Connection, day, _options);
            rows += MinutePricing.Run(_writer.Connection, _options.Rate, _options.Yield);
        }
        return rows;
    }

    [Benchmark(Description = "consolidate: read, align, price, write", OperationsPerInvoke = Rows)]
    public long EndToEnd() => Consolidator.Run(_lake, _options).Sum(d => (long)d.Rows);
}
