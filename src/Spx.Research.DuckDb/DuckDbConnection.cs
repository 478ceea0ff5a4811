using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// A connection to a DuckDB database.
/// <para>
/// Connection string: <c>Data Source=:memory:</c> (the default when empty; private to this
/// connection), <c>Data Source=:memory:NAME</c> (an in-memory database shared by every connection in
/// this process that names it), or <c>Data Source=/path/file.duckdb</c>. Any other <c>key=value</c>
/// pair is a DuckDB configuration option such as <c>threads=2</c> or <c>access_mode=READ_ONLY</c>;
/// options take effect when the process first opens that database.
/// </para>
/// <para>
/// Threading: one database, a connection per thread. Connections to the same file (or named
/// in-memory database) share one native database object, reference-counted and closed when the last
/// connection closes — opening a connection is cheap. A connection and the commands, readers and
/// appenders made from it are NOT thread-safe; give each thread its own connection. DuckDB runs each
/// query on several threads internally regardless.
/// </para>
/// </summary>
public sealed class DuckDbConnection : DbConnection
{
    private string _connectionString = "";
    private DuckDbConnectionOptions _options = DuckDbConnectionOptions.Parse("");
    private ConnectionHandle? _handle;

    /// <summary>Creates a connection to a private in-memory database (set <see cref="ConnectionString"/> to change).</summary>
    public DuckDbConnection() { }

    /// <summary>Creates a connection; see the class remarks for the connection string.</summary>
    public DuckDbConnection(string connectionString) => ConnectionString = connectionString;

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_handle is not null) throw new InvalidOperationException("Close the connection before changing its connection string.");
            _options = DuckDbConnectionOptions.Parse(value);
            _connectionString = value ?? "";
        }
    }

    /// <summary>The data source: a file path, <c>:memory:</c> or <c>:memory:NAME</c>.</summary>
    public override string DataSource => _options.DataSource;

    /// <summary>DuckDB's catalog name for the database: <c>memory</c> or the file name without extension.</summary>
    public override string Database =>
        _options.Key is null || _options.DataSource.StartsWith(DuckDbConnectionOptions.Memory, StringComparison.Ordinal)
            ? "memory"
            : Path.GetFileNameWithoutExtension(_options.NativePath);

    /// <summary>The native library's version, e.g. <c>v1.5.6</c>.</summary>
    public override string ServerVersion => NativeText.Borrowed(NativeMethods.duckdb_library_version()) ?? "";

    /// <inheritdoc />
    public override ConnectionState State => _handle is null ? ConnectionState.Closed : ConnectionState.Open;

    /// <summary>The open native connection; throws when closed.</summary>
    internal ConnectionHandle Handle =>
        _handle ?? throw new InvalidOperationException("The connection is not open; call Open() first.");

    /// <inheritdoc />
    public override void Open()
    {
        if (_handle is not null) throw new InvalidOperationException("The connection is already open.");
        var database = SharedDatabase.Acquire(_options);
        if (NativeMethods.duckdb_connect(database.Handle.Pointer, out var connection) != NativeMethods.Success)
        {
            database.Release();
            throw new DuckDbException($"Could not connect to DuckDB database '{_options.DataSource}'.");
        }
        _handle = new ConnectionHandle(connection, database);
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    /// <summary>Closes the connection; the shared database closes with its last connection. Idempotent.</summary>
    public override void Close()
    {
        if (_handle is null) return;
        _handle.Dispose();
        _handle = null;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Switches the default catalog/schema with DuckDB's <c>USE</c>.</summary>
    public override void ChangeDatabase(string databaseName) =>
        ExecuteNonQuery("USE " + string.Join('.', databaseName.Split('.').Select(QuoteIdentifier)));

    /// <summary>Starts a transaction on this connection.</summary>
    public new DuckDbTransaction BeginTransaction() => BeginTransaction(IsolationLevel.Unspecified);

    /// <summary>Starts a transaction; DuckDB always provides snapshot isolation, whatever level is asked for.</summary>
    public new DuckDbTransaction BeginTransaction(IsolationLevel isolationLevel) => new(this);

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => BeginTransaction(isolationLevel);

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Creates a command with <paramref name="sql"/> and positional parameter values (for <c>?</c> / <c>$1</c>).
    /// A lone <c>null</c> argument means one NULL value.</summary>
    public DuckDbCommand CreateCommand(string sql, params object?[]? parameters)
    {
        var command = new DuckDbCommand(sql, this);
        foreach (var value in parameters ?? [null]) command.Parameters.AddValue(value);
        return command;
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <summary>Runs SQL (one statement or a script) with optional positional parameters; returns rows changed
    /// (see <see cref="DuckDbCommand.ExecuteNonQuery"/>).</summary>
    public int ExecuteNonQuery(string sql, params object?[]? parameters)
    {
        using var command = CreateCommand(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs SQL and returns the first column of the first row (null when no row, DBNull for NULL).</summary>
    public object? ExecuteScalar(string sql, params object?[]? parameters)
    {
        using var command = CreateCommand(sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>Runs SQL and returns the first value converted to <typeparamref name="T"/> (default when no row or NULL).</summary>
    public T? ExecuteScalar<T>(string sql, params object?[]? parameters)
    {
        using var command = CreateCommand(sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : default;
    }

    /// <summary>Runs SQL and streams its result; dispose the reader before running anything else on this connection.</summary>
    public DuckDbDataReader ExecuteReader(string sql, params object?[]? parameters)
    {
        using var command = CreateCommand(sql, parameters);
        return command.ExecuteReader();
    }

    /// <summary>Runs SQL and reads the whole result column-wise; see <see cref="DuckDbColumnarResult"/>.</summary>
    public DuckDbColumnarResult ExecuteColumnar(string sql, params object?[]? parameters)
    {
        using var command = CreateCommand(sql, parameters);
        return command.ExecuteColumnar();
    }

    /// <summary>Creates a bulk appender for <paramref name="table"/> in the current schema.</summary>
    public DuckDbAppender CreateAppender(string table) => new(this, null, table);

    /// <summary>Creates a bulk appender for <paramref name="schema"/>.<paramref name="table"/>.</summary>
    public DuckDbAppender CreateAppender(string? schema, string table) => new(this, schema, table);

    /// <summary>Interrupts the query currently running on this connection; safe to call from another thread.</summary>
    public void Interrupt()
    {
        var handle = _handle;
        if (handle is null) return;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            NativeMethods.duckdb_interrupt(handle.Pointer);
        }
        catch (ObjectDisposedException)
        {
            // Closed concurrently: nothing left to interrupt.
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    /// <summary>Quotes an identifier for SQL text (<c>my "table"</c> → <c>"my ""table"""</c>).</summary>
    public static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Close();
        base.Dispose(disposing);
    }
}
