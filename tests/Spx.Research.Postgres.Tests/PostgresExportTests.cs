using Npgsql;
using Spx.Research.Lake;
using Spx.Research.Sinks;
using Spx.Research.Sinks.Postgres;

namespace Spx.Research.Postgres.Tests;

/// <summary>The library export into a real PostgreSQL: content equality, idempotence, updates, and all-or-nothing partitions.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresExportTests(PostgresServer server) : IDisposable
{
    private readonly ExportLake _lake = new();
    private readonly string _schema = PostgresServer.NewSchema();

    public void Dispose()
    {
        _lake.Dispose();
        server.DropSchema(_schema);
    }

    [Fact]
    public void Every_dataset_of_a_sample_day_arrives_with_the_same_rows_and_values()
    {
        var sample = new LakeLayout(Path.Combine(Repository.Root, "data-samples", "lake"));
        using var session = new LakeSession(sample, DatasetRegistry.Default);
        using var sink = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), _schema);
        var datasets = sample.DatasetsOnDisk();
        Assert.Contains("news", datasets); // VARCHAR[] lists and NULLs
        foreach (var dataset in datasets)
        {
            var result = LakeSinkExport.Run(session, sink, dataset, ExportLake.Day, ExportLake.Day);
            var lakeRows = LakeRowsOf(sample, dataset);
            Assert.True(lakeRows.Length > 0, dataset);
            Assert.Equal(lakeRows.Length, result.Read);
            Assert.Equal(lakeRows.Length, result.Inserted);
            Assert.Equal(lakeRows, ExportLake.TableRows(server, _schema, dataset));
        }
    }

    [Fact]
    public void A_second_export_reads_everything_and_writes_nothing()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        _lake.WriteBars(ExportLake.NextDay, 20);
        var first = _lake.Export(server, _schema, "stock_bars_1m");
        var versions = ExportLake.RowVersions(server, _schema, "stock_bars_1m");

        var second = _lake.Export(server, _schema, "stock_bars_1m");

        Assert.Equal((50L, 50L, 0L), (first.Read, first.Inserted, first.Updated));
        Assert.Equal((50L, 0L, 0L, 50L), (second.Read, second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(versions, ExportLake.RowVersions(server, _schema, "stock_bars_1m"));
        Assert.Equal(_lake.LakeRows("stock_bars_1m"), ExportLake.TableRows(server, _schema, "stock_bars_1m"));
    }

    [Fact]
    public void A_corrected_lake_partition_updates_the_changed_row_and_inserts_the_new_one()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        _lake.Export(server, _schema, "stock_bars_1m");

        _lake.WriteBars(ExportLake.Day, 31, changedRow: 7);
        var result = _lake.Export(server, _schema, "stock_bars_1m");

        Assert.Equal((31L, 1L, 1L, 29L), (result.Read, result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(_lake.LakeRows("stock_bars_1m"), ExportLake.TableRows(server, _schema, "stock_bars_1m"));
    }

    [Fact]
    public void From_and_to_select_whole_partitions()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        _lake.WriteBars(ExportLake.NextDay, 20);

        var result = _lake.Export(server, _schema, "stock_bars_1m", ExportLake.NextDay, ExportLake.NextDay);

        Assert.Equal([ExportLake.NextDay], result.Partitions.Select(p => p.Date));
        Assert.Equal(_lake.LakeRows("stock_bars_1m", ExportLake.NextDay), ExportLake.TableRows(server, _schema, "stock_bars_1m"));
    }

    [Fact]
    public void A_partition_whose_read_fails_half_way_leaves_the_table_as_it_was()
    {
        _lake.WriteBars(ExportLake.Day, 30);
        _lake.Export(server, _schema, "stock_bars_1m");
        var before = ExportLake.TableRows(server, _schema, "stock_bars_1m");
        var schema = DatasetRegistry.Default["stock_bars_1m"];
        using var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        // 5000 new rows, then an error: the COPY has streamed rows to the server before the failure.
        command.CommandText = """
            SELECT 'QQQ' AS ticker, TIMESTAMPTZ '2025-03-03 14:30:00+00' + to_seconds(i) AS ts, 1.0 AS open, 1.0 AS high, 1.0 AS low,
                   CASE WHEN i < 5000 THEN 1.0 ELSE error('disk gone') END AS close, 1.0 AS volume, NULL::DOUBLE AS vwap, NULL::BIGINT AS trades
            FROM range(0, 6000) AS r(i)
            """;
        command.UseStreamingMode = true;
        using var sink = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), _schema);
        sink.Prepare(schema);

        Assert.ThrowsAny<Exception>(() =>
        {
            using var reader = command.ExecuteReader();
            sink.Write(schema, ExportLake.Day, reader);
        });

        Assert.Equal(before, ExportLake.TableRows(server, _schema, "stock_bars_1m"));
        // The connection is usable after the rollback: the next partition still loads.
        Assert.Equal(30, _lake.Export(server, _schema, "stock_bars_1m").Unchanged);
    }

    [Fact]
    public void Every_registered_dataset_gets_a_table_that_PostgreSQL_describes_back_as_declared()
    {
        using var sink = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), _schema);
        foreach (var dataset in DatasetRegistry.Default.Datasets) sink.Prepare(dataset);

        // A second sink checks each existing table against the schema: any type spelled unlike PostgreSQL's own fails here.
        using var again = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), _schema);
        foreach (var dataset in DatasetRegistry.Default.Datasets) again.Prepare(dataset);
        using var connection = server.Connect();
        using var count = new NpgsqlCommand($"SELECT count(*) FROM pg_tables WHERE schemaname = '{_schema}'", connection);
        Assert.Equal((long)DatasetRegistry.Default.Datasets.Count, count.ExecuteScalar());
    }

    private static string[] LakeRowsOf(LakeLayout layout, string dataset) => ExportLake.LakeRows(layout, dataset, ExportLake.Day, ExportLake.Day);
}
