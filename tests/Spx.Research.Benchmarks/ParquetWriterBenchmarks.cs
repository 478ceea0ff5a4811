using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using Spx.Research.Lake;

namespace Spx.Research.Benchmarks;

/// <summary>
/// The step of a lake write that the Parquet writer decides: a validated, de-duplicated batch staged in
/// DuckDB becomes one zstd file sorted by the dataset key. DuckDB's own <c>COPY … TO</c> (what
/// <see cref="LakeWriter"/> does) against Parquet.Net 6.1.0 at <c>CompressionLevel.Optimal</c> (its default
/// zstd level is far slower) fed by the columnar read of the same sorted rows; and Parquet.Net straight
/// from the .NET arrays, the most it could gain if validation left DuckDB. 10 M bar rows, per row.
/// </summary>
[BenchmarkCategory("lake")]
public class ParquetWriterBenchmarks
{
    private const string Sorted = "SELECT * FROM bars ORDER BY ticker, ts";
    private static readonly DataField[] Fields =
    [
        new DataField<string>("ticker"), new DataField<DateTime>("ts"),
        new DataField<double>("open"), new DataField<double>("high"), new DataField<double>("low"), new DataField<double>("close"),
        new DataField<long>("volume"), new DataField<double>("vwap"),
    ];

    private BarRows _rows = null!;
    private string _root = null!;
    private DuckDBConnection _connection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _rows = new BarRows();
        _root = Directory.CreateTempSubdirectory("spx-bench-parquet-").FullName;
        _connection = new DuckDBConnection("Data Source=:memory:");
        _connection.Open();
        _connection.ExecuteNonQuery(BarRows.TableDdl);
        _connection.ExecuteNonQuery("INSERT INTO bars " + BarRows.NativeSql);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "DuckDB COPY (sorted staged table) TO parquet, zstd", OperationsPerInvoke = BarRows.Count)]
    public int DuckDbCopy() => _connection.ExecuteNonQuery(
        $"COPY ({Sorted}) TO {SqlText.Literal(Path.Combine(_root, "copy.parquet"))} (FORMAT parquet, COMPRESSION zstd)");

    [Benchmark(Description = "Parquet.Net zstd Optimal, from the sorted staged table (columnar read)", OperationsPerInvoke = BarRows.Count)]
    public async Task<long> ParquetNetFromStagedTable()
    {
        var columns = _connection.ExecuteColumnar(Sorted);
        await Write("parquetnet-staged.parquet", columns.GetStrings("ticker")!, columns.GetTimestamps("ts"),
            columns.GetColumn<double>("open"), columns.GetColumn<double>("high"), columns.GetColumn<double>("low"),
            columns.GetColumn<double>("close"), columns.GetColumn<long>("volume"), columns.GetColumn<double>("vwap"));
        return columns.RowCount;
    }

    [Benchmark(Description = "Parquet.Net zstd Optimal, from .NET arrays (no DuckDB)", OperationsPerInvoke = BarRows.Count)]
    public Task ParquetNetFromArrays()
    {
        var r = _rows;
        return Write("parquetnet-arrays.parquet", r.Ticker, r.Ts, r.Open, r.High, r.Low, r.Close, r.Volume, r.Vwap);
    }

    private async Task Write(string name, string?[] ticker, DateTime[] ts, double[] open, double[] high, double[] low, double[] close, long[] volume, double[] vwap)
    {
        await using var file = File.Create(Path.Combine(_root, name));
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = System.IO.Compression.CompressionLevel.Optimal };
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Fields), file, options);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(Fields[0], ticker!);
        await group.WriteAsync<DateTime>(Fields[1], ts);
        await group.WriteAsync<double>(Fields[2], open);
        await group.WriteAsync<double>(Fields[3], high);
        await group.WriteAsync<double>(Fields[4], low);
        await group.WriteAsync<double>(Fields[5], close);
        await group.WriteAsync<long>(Fields[6], volume);
        await group.WriteAsync<double>(Fields[7], vwap);
    }
}
