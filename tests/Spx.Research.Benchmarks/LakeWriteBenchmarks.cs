using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Benchmarks;

/// <summary>
/// A 10 M-row partition of bars written to the lake as zstd Parquet through <see cref="LakeWriter"/>
/// (appender fill, validation, key de-duplication, temp file + rename), beside DuckDB's own
/// <c>COPY … TO</c> of the same rows generated in SQL: the ceiling.
/// </summary>
[BenchmarkCategory("lake")]
public class LakeWriteBenchmarks
{
    private static readonly DateOnly Date = new(2025, 1, 2);
    private BarRows _rows = null!;
    private string _root = null!;
    private LakeWriter _writer = null!;
    private DuckDBConnection _native = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rows = new BarRows();
        _root = Directory.CreateTempSubdirectory("spx-bench-lake-").FullName;
        _writer = new LakeWriter(new LakeLayout(_root), DatasetRegistry.Empty.Register(BarRows.Schema));
        _native = new DuckDBConnection("Data Source=:memory:");
        _native.Open();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _native.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "LakeWriter.ReplacePartition (LakeAppender source)", OperationsPerInvoke = BarRows.Count)]
    public long LakeReplacePartition()
    {
        var r = _rows;
        var result = _writer.ReplacePartition(BarRows.Schema.Name, Date, LakeSource.FromAppender(appender =>
        {
            for (var i = 0; i < BarRows.Count; i++)
            {
                appender.CreateRow()
                    .AppendValue(r.Ticker[i]).AppendValue(r.Ts[i]).AppendValue(r.Open[i]).AppendValue(r.High[i])
                    .AppendValue(r.Low[i]).AppendValue(r.Close[i]).AppendValue(r.Volume[i]).AppendValue(r.Vwap[i])
                    .EndRow();
            }
        }));
        return result.Rows;
    }

    [Benchmark(Baseline = true, Description = "native COPY (SELECT … FROM range()) TO parquet", OperationsPerInvoke = BarRows.Count)]
    public int NativeCopy() => _native.ExecuteNonQuery(
        $"COPY ({BarRows.NativeSql}) TO '{Path.Combine(_root, "native.parquet")}' (FORMAT parquet, COMPRESSION zstd)");
}
