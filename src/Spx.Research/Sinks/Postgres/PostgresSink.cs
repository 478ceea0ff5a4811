using System.Data.Common;
using Npgsql;
using Spx.Research.Lake;

namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// The PostgreSQL sink: one table per dataset in one schema, created from the dataset's schema; each partition
/// is loaded by binary COPY into a temporary staging table and merged with an upsert on the table's key, in one
/// transaction (why: <see cref="LakeSinkExport"/>). Any error leaving it is scrubbed of the password.
/// </summary>
public sealed class PostgresSink : ILakeSink
{
    private readonly NpgsqlConnection _connection;
    private readonly PostgresDsn _dsn;
    private readonly string _schemaName;
    private readonly Dictionary<string, PostgresTable> _tables = new(StringComparer.Ordinal);

    private PostgresSink(NpgsqlConnection connection, PostgresDsn dsn, string schemaName) =>
        (_connection, _dsn, _schemaName) = (connection, dsn, schemaName);

    /// <summary>Connects to <paramref name="dsn"/>; tables go to the schema <paramref name="schemaName"/>.</summary>
    /// <exception cref="PostgresSinkException">The server cannot be reached or refuses the login (password never shown).</exception>
    public static PostgresSink Open(PostgresDsn dsn, string schemaName = "public")
    {
        var connection = new NpgsqlConnection(dsn.ConnectionString);
        try
        {
            connection.Open();
            return new PostgresSink(connection, dsn, schemaName);
        }
        catch (Exception failure) when (failure is NpgsqlException or InvalidOperationException or ArgumentException)
        {
            connection.Dispose();
            throw new PostgresSinkException($"cannot connect to PostgreSQL {dsn.Describe()}: {dsn.Redact(failure.Message)}", failure);
        }
    }

    /// <inheritdoc />
    public string Target => $"postgresql {_dsn.Describe()} schema {_schemaName}";

    /// <inheritdoc />
    public void Prepare(DatasetSchema schema) => Guard(() =>
    {
        var table = new PostgresTable(_schemaName, schema);
        if (!PostgresTableCheck.Exists(_connection, table))
        {
            // CREATE SCHEMA needs the CREATE privilege on the database even with IF NOT EXISTS: ask only when it is missing.
            if (!SchemaExists()) Execute($"CREATE SCHEMA IF NOT EXISTS {PostgresTable.Quote(_schemaName)}");
            Execute(table.CreateSql);
        }
        _tables[schema.Name] = table;
        return 0;
    });

    /// <inheritdoc />
    public SinkPartitionResult Write(DatasetSchema schema, DateOnly date, DbDataReader rows) => Guard(() =>
    {
        if (!_tables.TryGetValue(schema.Name, out var table)) throw new InvalidOperationException($"Prepare({schema.Name}) was not called");
        var upsert = new PostgresUpsert(table);
        using var transaction = _connection.BeginTransaction();
        Execute(upsert.CreateStage, transaction);
        var read = PostgresCopy.Rows(_connection, upsert.Copy, table, date, rows);
        using var merge = new NpgsqlCommand(upsert.Merge, _connection, transaction);
        using var counts = merge.ExecuteReader();
        counts.Read();
        var (inserted, updated) = (counts.GetInt64(0), counts.GetInt64(1));
        counts.Close();
        transaction.Commit();
        return new SinkPartitionResult(schema.Name, date, read, inserted, updated);
    });

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _connection.Dispose();

    private bool SchemaExists()
    {
        using var command = new NpgsqlCommand("SELECT to_regnamespace(@schema) IS NOT NULL", _connection);
        command.Parameters.AddWithValue("schema", PostgresTable.Quote(_schemaName));
        return (bool)command.ExecuteScalar()!;
    }

    private void Execute(string sql, NpgsqlTransaction? transaction = null)
    {
        using var command = new NpgsqlCommand(sql, _connection, transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a step; a driver error comes out as one line naming the target, password scrubbed.</summary>
    private T Guard<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (NpgsqlException failure)
        {
            throw new PostgresSinkException($"PostgreSQL {_dsn.Describe()}: {_dsn.Redact(failure.Message)}", failure);
        }
    }
}
