using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Appender insert and columnar read of 10 M bar rows, each beside DuckDB doing the same work in one
/// SQL statement (the ceiling). Times are per row (<c>OperationsPerInvoke</c>), so rows/s = 1e9 / ns.
/// The insert runs twice: on DuckDB.NET's appender and through <see cref="LakeAppender"/>, whose type
/// check per value is the difference; allocations per row show it adds none.
/// </summary>
[BenchmarkCategory("duckdb"), MemoryDiagnoser]
public class DuckDbBulkBenchmarks
{
    private BarRows _rows = null!;
    private DuckDBConnection _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rows = new BarRows();
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        _connection.ExecuteNonQuery(BarRows.TableDdl);
        _connection.ExecuteNonQuery("CREATE TABLE bars_read AS SELECT * FROM bars LIMIT 0");
        _connection.ExecuteNonQuery("INSERT INTO bars_read " + BarRows.NativeSql);
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    [IterationSetup(Targets = [nameof(AppenderInsert), nameof(LakeAppenderInsert), nameof(NativeInsertSelect)])]
    public void EmptyTable() => _connection.ExecuteNonQuery(BarRows.TableDdl);

    [BenchmarkCategory("insert"), Benchmark(Description = "appender insert", OperationsPerInvoke = BarRows.Count)]
    public void AppenderInsert()
    {
        var r = _rows;
        using var appender = _connection.CreateAppender("bars");
        for (var i = 0; i < BarRows.Count; i++)
        {
            appender.CreateRow()
                .AppendValue(r.Ticker[i])
                .AppendValue(r.Ts[i])
                .AppendValue(r.Open[i])
                .AppendValue(r.High[i])
                .AppendValue(r.Low[i])
                .AppendValue(r.Close[i])
                .AppendValue(r.Volume[i])
                .AppendValue(r.Vwap[i])
                .EndRow();
        }
    }

    [BenchmarkCategory("insert"), Benchmark(Description = "LakeAppender insert (type-checked)", OperationsPerInvoke = BarRows.Count)]
    public void LakeAppenderInsert()
    {
        var r = _rows;
        using var raw = _connection.CreateAppender("bars");
        var appender = new LakeAppender(raw, BarRows.Schema);
        for (var i = 0; i < BarRows.Count; i++)
        {
            appender.CreateRow()
                .AppendValue(r.Ticker[i])
                .AppendValue(r.Ts[i])
                .AppendValue(r.Open[i])
                .AppendValue(r.High[i])
                .AppendValue(r.Low[i])
                .AppendValue(r.Close[i])
                .AppendValue(r.Volume[i])
                .AppendValue(r.Vwap[i])
                .EndRow();
        }
        appender.Finish();
    }

    [BenchmarkCategory("insert"), Benchmark(Baseline = true, Description = "native INSERT ... SELECT FROM range()", OperationsPerInvoke = BarRows.Count)]
    public void NativeInsertSelect() => _connection.ExecuteNonQuery("INSERT INTO bars " + BarRows.NativeSql);

    [BenchmarkCategory("read"), Benchmark(Description = "columnar read, 8 columns", OperationsPerInvoke = BarRows.Count)]
    public long ColumnarRead()
    {
        var result = _connection.ExecuteColumnar("SELECT * FROM bars_read");
        return result.RowCount;
    }

    [BenchmarkCategory("read"), Benchmark(Baseline = true, Description = "native scan of the same 8 columns", OperationsPerInvoke = BarRows.Count)]
    public object? NativeScan() => _connection.ExecuteScalar(
        "SELECT count(ticker) + count(ts) + sum(open) + sum(high) + sum(low) + sum(close) + sum(volume) + sum(vwap) FROM bars_read");
}
