using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// SQL run as DuckDB prepared statements: parameters (<c>?</c>, <c>$1</c>, <c>$name</c>) are bound as
/// typed values, never spliced into the text, and a single-statement command keeps its prepared
/// statement, so re-executing with new parameter values skips parsing and planning.
/// Command text with several statements (a pasted script such as
/// <c>CREATE TABLE t(a INT); INSERT INTO t VALUES (1);</c>) runs them in order and returns the last
/// statement's result; such scripts cannot take parameters.
/// Not thread-safe: a command belongs to its connection's thread.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private string _commandText = "";
    private DuckDbConnection? _connection;
    private PreparedStatementHandle? _prepared;
    private ConnectionHandle? _preparedOn;

    /// <summary>Creates a command with no text and no connection.</summary>
    public DuckDbCommand() { }

    /// <summary>Creates a command for <paramref name="commandText"/> on <paramref name="connection"/>.</summary>
    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        _connection = connection;
    }

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            if (value == _commandText) return;
            Unprepare();
            _commandText = value ?? "";
        }
    }

    /// <summary>Stored for ADO.NET compatibility but not enforced; use <see cref="Cancel"/> to stop a query.</summary>
    public override int CommandTimeout { get; set; }

    /// <summary>Only <see cref="System.Data.CommandType.Text"/> is supported.</summary>
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new NotSupportedException("DuckDB commands are always CommandType.Text.");
        }
    }

    /// <summary>The connection the command runs on.</summary>
    public new DuckDbConnection? Connection
    {
        get => _connection;
        set
        {
            if (ReferenceEquals(value, _connection)) return;
            Unprepare();
            _connection = value;
        }
    }

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => Connection;
        set => Connection = (DuckDbConnection?)value;
    }

    /// <summary>The values bound to the statement's parameters.</summary>
    public new DuckDbParameterCollection Parameters { get; } = new();

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => Parameters;

    /// <summary>Informational: DuckDB transactions belong to the connection, so every command on it takes part.</summary>
    public new DuckDbTransaction? Transaction { get; set; }

    /// <inheritdoc />
    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = (DuckDbTransaction?)value;
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <summary>Interrupts the query running on this command's connection (callable from another thread).</summary>
    public override void Cancel() => _connection?.Interrupt();

    /// <summary>Creates a positional parameter (not yet added to <see cref="Parameters"/>).</summary>
    public new DuckDbParameter CreateParameter() => new();

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => CreateParameter();

    /// <summary>Prepares a single-statement command now (multi-statement scripts are prepared as they run,
    /// because later statements may depend on earlier ones).</summary>
    public override void Prepare()
    {
        var connection = OpenHandle();
        if (_prepared is not null && _preparedOn == connection) return;
        Unprepare();
        var (extracted, count) = NativeStatements.Extract(connection, _commandText);
        try
        {
            if (count == 1) Cache(NativeStatements.Prepare(connection, extracted, 0), connection);
        }
        finally
        {
            NativeMethods.duckdb_destroy_extracted(ref extracted);
        }
    }

    /// <summary>Runs the command; returns rows inserted/updated/deleted (summed over a script), or -1
    /// when no statement changes rows (DDL, SELECT).</summary>
    public override int ExecuteNonQuery()
    {
        var result = Execute(stream: false, out var statement, out var ownsStatement, out var changedBefore);
        try
        {
            return AddChanges(changedBefore, NativeStatements.RowsChanged(result));
        }
        finally
        {
            result.Dispose();
            if (ownsStatement) statement.Dispose();
        }
    }

    /// <summary>The first column of the first row; null when there is no row, <see cref="DBNull.Value"/> for SQL NULL.</summary>
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <summary>Runs the command and streams its (last statement's) result.</summary>
    public new DuckDbDataReader ExecuteReader() => ExecuteReader(CommandBehavior.Default);

    /// <summary>Runs the command and streams its (last statement's) result.</summary>
    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => ExecuteReader(behavior, stream: true);

    private DuckDbDataReader ExecuteReader(CommandBehavior behavior, bool stream)
    {
        var connection = OpenHandle();
        var result = Execute(stream, out var statement, out var ownsStatement, out var changedBefore);
        return new DuckDbDataReader(
            result, statement, ownsStatement, connection,
            behavior.HasFlag(CommandBehavior.CloseConnection) ? _connection : null,
            AddChanges(changedBefore, NativeStatements.RowsChanged(result)));
    }

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => ExecuteReader(behavior);

    /// <summary>
    /// Runs the command and reads its whole result into one typed array per column with bulk copies —
    /// the fast path for analytics. See <see cref="DuckDbColumnarResult"/>.
    /// </summary>
    public DuckDbColumnarResult ExecuteColumnar()
    {
        using var reader = ExecuteReader();
        return DuckDbColumnarResult.Load(reader);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Unprepare();
        base.Dispose(disposing);
    }

    /// <param name="stream">Stream the result if it is a SELECT (readers); otherwise materialize it.</param>
    private ResultHandle Execute(bool stream, out PreparedStatementHandle statement, out bool ownsStatement, out int changedBefore)
    {
        var connection = OpenHandle();
        changedBefore = -1;
        if (_prepared is null || _preparedOn != connection)
        {
            Unprepare();
            var (extracted, count) = NativeStatements.Extract(connection, _commandText);
            try
            {
                if (count == 1)
                {
                    Cache(NativeStatements.Prepare(connection, extracted, 0), connection);
                }
                else
                {
                    if (Parameters.Count > 0)
                        throw new DuckDbException($"The command text has {count} statements; parameters can only be bound to a single statement.");
                    for (var i = 0; i < count - 1; i++)
                    {
                        using var earlier = NativeStatements.Prepare(connection, extracted, i);
                        using var earlierResult = NativeStatements.Execute(earlier, streaming: false);
                        changedBefore = AddChanges(changedBefore, NativeStatements.RowsChanged(earlierResult));
                    }
                    statement = NativeStatements.Prepare(connection, extracted, count - 1);
                    ownsStatement = true;
                    return RunFinal(statement, stream, disposeOnError: true);
                }
            }
            finally
            {
                NativeMethods.duckdb_destroy_extracted(ref extracted);
            }
        }

        statement = _prepared!;
        ownsStatement = false;
        ParameterBinder.Bind(statement, Parameters);
        return RunFinal(statement, stream, disposeOnError: false);
    }

    private static ResultHandle RunFinal(PreparedStatementHandle statement, bool stream, bool disposeOnError)
    {
        try
        {
            return NativeStatements.Execute(statement, streaming: stream && NativeStatements.IsSelect(statement));
        }
        catch when (disposeOnError)
        {
            statement.Dispose();
            throw;
        }
    }

    private static int AddChanges(int total, int changed) =>
        changed < 0 ? total : total < 0 ? changed : total + changed;

    private ConnectionHandle OpenHandle() =>
        (_connection ?? throw new InvalidOperationException("The command has no Connection.")).Handle;

    private void Cache(PreparedStatementHandle statement, ConnectionHandle connection)
    {
        _prepared = statement;
        _preparedOn = connection;
    }

    private void Unprepare()
    {
        _prepared?.Dispose();
        _prepared = null;
        _preparedOn = null;
    }
}
