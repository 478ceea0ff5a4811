using BenchmarkDotNet.Attributes;
using Microsoft.Data.Analysis;
using Spx.Research.Lake;

namespace Spx.Research.Benchmarks;

/// <summary>
/// One million query rows (VARCHAR, DOUBLE, BIGINT, INTEGER, BOOLEAN) into a DataFrame: our column-by-column
/// <see cref="LakeSession.Frame"/> against Microsoft.Data.Analysis' own <c>DataFrame.LoadFrom(DbDataReader)</c>,
/// on the types both can read (LoadFrom fails on DATE and LIST).
/// </summary>
[BenchmarkCategory("dataframe")]
public class DataFrameReadBenchmarks
{
    private const int Rows = 1_000_000;

    private const string Sql = """
        SELECT 'O:SPXW' || (range % 5000)::VARCHAR AS ticker, range * 0.25 AS price, range AS volume,
               (range % 1000)::INTEGER AS strike, range % 2 = 0 AS is_put
        FROM range(1000000)
        """;

    private string _root = null!;
    private LakeSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("spx-bench-frame-").FullName;
        _session = LakeSession.Open(_root);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "LakeSession.Frame (typed columns)", OperationsPerInvoke = Rows)]
    public long Frame() => _session.Frame(Sql).Rows.Count;

    [Benchmark(Description = "DataFrame.LoadFrom(DbDataReader)", OperationsPerInvoke = Rows)]
    public long LoadFrom() => _session.Query(Sql, reader => DataFrame.LoadFrom(reader).GetAwaiter().GetResult()).Rows.Count;
}
