using BenchmarkDotNet.Attributes;
using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Benchmarks;

/// <summary>
/// What the bar rules (<see cref="BarChecks"/>: high ≥ low, open/close in range, no negative values, inside the
/// session) add to a validated write: the same 1 M valid bars replaced into a partition with and without them.
/// </summary>
[BenchmarkCategory("lake")]
public class BarChecksBenchmarks
{
    private const int Rows = 1_000_000;
    private static readonly DateOnly Date = new(2025, 1, 2);
    private static readonly string Source =
        $"SELECT * FROM ({BarRows.NativeSql.Replace("range(10000000)", $"range({Rows})", StringComparison.Ordinal)}) AS b(ticker, ts, open, high, low, close, volume, vwap)";
    private string _root = null!;
    private LakeWriter _plain = null!;
    private LakeWriter _checked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("spx-bench-checks-").FullName;
        var registry = DatasetRegistry.Empty.Register(BarRows.Schema);
        _plain = new LakeWriter(new LakeLayout(Path.Combine(_root, "plain")), registry);
        _checked = new LakeWriter(new LakeLayout(Path.Combine(_root, "checked")), registry, new BarChecks(NyseCalendar.Default).Apply());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _checked.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "ReplacePartition, schema rules only", OperationsPerInvoke = Rows)]
    public long Plain() => Write(_plain);

    [Benchmark(Description = "ReplacePartition, schema rules + BarChecks", OperationsPerInvoke = Rows)]
    public long Checked() => Write(_checked);

    private static long Write(LakeWriter writer) =>
        writer.ReplacePartition(BarRows.Schema.Name, Date, LakeSource.FromSql(Source), InvalidRows.Quarantine).NewRows;
}
