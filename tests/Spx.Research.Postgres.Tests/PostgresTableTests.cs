using Npgsql;
using Spx.Research.Lake;
using Spx.Research.Sinks;
using Spx.Research.Sinks.Postgres;

namespace Spx.Research.Postgres.Tests;

/// <summary>Tables made from dataset schemas: the type map, the key, and existing tables that do not match.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresTableTests(PostgresServer server) : IDisposable
{
    private readonly string _schema = PostgresServer.NewSchema();

    public void Dispose() => server.DropSchema(_schema);

    /// <summary>DuckDB type → what PostgreSQL's format_type reports (checked against the server by the export tests).</summary>
    [Theory]
    [InlineData("VARCHAR", "text")]
    [InlineData("DOUBLE", "double precision")]
    [InlineData("REAL", "real")]
    [InlineData("BIGINT", "bigint")]
    [InlineData("INTEGER", "integer")]
    [InlineData("SMALLINT", "smallint")]
    [InlineData("BOOLEAN", "boolean")]
    [InlineData("DATE", "date")]
    [InlineData("TIMESTAMPTZ", "timestamp with time zone")]
    [InlineData("TIMESTAMP WITH TIME ZONE", "timestamp with time zone")]
    [InlineData("TIMESTAMP", "timestamp without time zone")]
    [InlineData("DECIMAL(18,4)", "numeric(18,4)")]
    [InlineData("VARCHAR[]", "text[]")]
    [InlineData("bigint[]", "bigint[]")]
    public void A_DuckDB_type_maps_to_its_PostgreSQL_type(string duckDb, string postgres) =>
        Assert.Equal(postgres, PostgresType.Of("d", DatasetColumn.Optional("c", duckDb)).Sql);

    [Theory]
    [InlineData("UBIGINT")]
    [InlineData("STRUCT(a INTEGER)")]
    [InlineData("VARCHAR[][]")]
    public void A_DuckDB_type_without_a_faithful_PostgreSQL_type_is_refused_naming_the_column(string duckDb)
    {
        var error = Assert.Throws<SinkSchemaException>(() => PostgresType.Of("bars", DatasetColumn.Optional("size", duckDb)));
        Assert.Equal($"bars.size: DuckDB type {duckDb} has no PostgreSQL mapping (see docs/sinks.md)", error.Message);
    }

    [Theory]
    [InlineData("stock_bars_1m", "ticker, ts")]
    [InlineData("option_contracts", "date, ticker")]
    [InlineData("news", "date, id")]
    [InlineData("chain_snapshots", "snapshot_ts, ticker")]
    public void The_primary_key_is_the_dataset_key_led_by_date_when_the_key_cannot_tell_days_apart(string dataset, string key) =>
        Assert.Equal(key, string.Join(", ", new PostgresTable("public", DatasetRegistry.Default[dataset]).PrimaryKey));

    /// <summary>An existing stock_bars_1m table altered one way; the error names the table and the column.</summary>
    [Theory]
    [InlineData("ALTER TABLE {t} ALTER COLUMN close TYPE text", "column 'close' is text; the dataset declares double precision")]
    [InlineData("ALTER TABLE {t} DROP COLUMN vwap", "has no column 'vwap' (the dataset declares double precision)")]
    [InlineData("ALTER TABLE {t} ADD COLUMN venue text", "has column 'venue' (text) that dataset stock_bars_1m does not declare")]
    [InlineData("ALTER TABLE {t} ALTER COLUMN trades SET NOT NULL", "column 'trades' is NOT NULL; the dataset allows NULL there")]
    [InlineData("ALTER TABLE {t} DROP CONSTRAINT stock_bars_1m_pkey, ADD PRIMARY KEY (ts, ticker)", "has primary key (ts, ticker); expected (ticker, ts)")]
    public void An_existing_table_that_differs_is_refused_naming_the_column(string alter, string problem)
    {
        var dataset = DatasetRegistry.Default["stock_bars_1m"];
        var table = new PostgresTable(_schema, dataset);
        using (var sink = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), _schema)) sink.Prepare(dataset);
        using (var connection = server.Connect())
        using (var command = new NpgsqlCommand(alter.Replace("{t}", table.QualifiedName, StringComparison.Ordinal), connection))
            command.ExecuteNonQuery();

        using var again = PostgresSink.Open(PostgresDsn.Parse(server.ConnectionString), _schema);
        var error = Assert.Throws<SinkSchemaException>(() => again.Prepare(dataset));

        Assert.Equal($"PostgreSQL table {_schema}.stock_bars_1m {problem}", error.Message);
    }
}
