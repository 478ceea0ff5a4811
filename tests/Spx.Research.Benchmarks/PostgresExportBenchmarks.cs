using BenchmarkDotNet.Attributes;
using Npgsql;
using Spx.Research.Lake;
using Spx.Research.Sinks;
using Spx.Research.Sinks.Postgres;

namespace Spx.Research.Benchmarks;

/// <summary>
/// One sample-lake partition of <c>chain_snapshots</c> (2025-03-03: 67,496 rows, 23 columns) exported to a real
/// PostgreSQL (<c>SPX_TEST_POSTGRES</c>, which <c>.ci/postgres</c> prints): first load into an empty table, and a
/// re-run that finds every row unchanged. Baseline, same run: the same rows streamed out of DuckDB and
/// decoded, nothing sent. Between them, a plain binary COPY into a keyless table: the load without the upsert.
/// </summary>
[BenchmarkCategory("postgres")]
public class PostgresExportBenchmarks
{
    private const string Dataset = "chain_snapshots";
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
    private LakeSession _session = null!;
    private PostgresDsn _dsn = null!;
    private NpgsqlConnection _admin = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dsn = Environment.GetEnvironmentVariable("SPX_TEST_POSTGRES")
            ?? throw new InvalidOperationException("set SPX_TEST_POSTGRES to a PostgreSQL connection string (.ci/postgres starts one and prints it)");
        _dsn = PostgresDsn.Parse(dsn);
        _session = LakeSession.Open(Path.Combine(RepositoryRoot(), "data-samples", "lake"));
        _admin = new NpgsqlConnection(_dsn.ConnectionString);
        _admin.Open();
        Execute($"CREATE SCHEMA {_schema}; CREATE SCHEMA {_schema}_full");
        Export(_schema + "_full");
        var table = new PostgresTable(_schema, DatasetRegistry.Default[Dataset]);
        Execute($"CREATE TABLE {_schema}.plain ({string.Join(", ", table.Columns.Select(c => $"{c.Quoted} {c.Type.Sql}"))})");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Execute($"DROP SCHEMA {_schema} CASCADE; DROP SCHEMA {_schema}_full CASCADE");
        _admin.Dispose();
        _session.Dispose();
    }

    [IterationSetup(Target = nameof(FirstLoad))]
    public void EmptyTable() => Execute($"DROP TABLE IF EXISTS {_schema}.{Dataset}");

    [IterationSetup(Target = nameof(PlainCopy))]
    public void EmptyPlainTable() => Execute($"TRUNCATE {_schema}.plain");

    [Benchmark(Baseline = true, Description = "lake read only (DuckDB stream, every value decoded)")]
    public long ReadOnly() => _session.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = LakeSinkExport.Select(DatasetRegistry.Default[Dataset], Day);
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        var values = 0L;
        while (reader.Read())
            for (var i = 0; i < reader.FieldCount; i++)
                if (DuckDbValue.Read(reader, i) is not null) values++;
        return values;
    });

    [Benchmark(Description = "binary COPY into a keyless table (no upsert)")]
    public long PlainCopy() => _session.Run(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = LakeSinkExport.Select(DatasetRegistry.Default[Dataset], Day);
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        var table = new PostgresTable(_schema, DatasetRegistry.Default[Dataset]);
        return PostgresCopy.Rows(_admin, $"COPY {_schema}.plain ({PostgresTable.QuotedList(table.Columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", table, Day, reader);
    });

    [Benchmark(Description = "spx export: first load (COPY to staging + upsert)")]
    public long FirstLoad() => Export(_schema).Inserted;

    [Benchmark(Description = "spx export: re-run, every row unchanged")]
    public long Rerun() => Export(_schema + "_full").Unchanged;

    private SinkExportResult Export(string schema)
    {
        using var sink = PostgresSink.Open(_dsn, schema);
        return LakeSinkExport.Run(_session, sink, Dataset, Day, Day);
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _admin);
        command.ExecuteNonQuery();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Spx.Research.sln"))) return folder.FullName;
        throw new InvalidOperationException("no Spx.Research.sln above " + AppContext.BaseDirectory);
    }
}
