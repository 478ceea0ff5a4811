using System.Data;
using System.Data.Common;

namespace Spx.Research.DuckDb;

/// <summary>
/// An explicit transaction (<c>BEGIN</c> … <c>COMMIT</c>/<c>ROLLBACK</c>) on one connection. Without one,
/// DuckDB commits every statement on its own. Disposing an uncommitted transaction rolls it back.
/// </summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? _connection;

    internal DuckDbTransaction(DuckDbConnection connection)
    {
        connection.ExecuteNonQuery("BEGIN TRANSACTION");
        _connection = connection;
    }

    /// <summary>The connection, or null once committed or rolled back.</summary>
    public new DuckDbConnection? Connection => _connection;

    /// <inheritdoc />
    protected override DbConnection? DbConnection => _connection;

    /// <summary>DuckDB's MVCC gives snapshot isolation.</summary>
    public override IsolationLevel IsolationLevel => IsolationLevel.Snapshot;

    /// <inheritdoc />
    public override void Commit() => Finish("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => Finish("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && _connection is { State: ConnectionState.Open }) Rollback();
        _connection = null;
        base.Dispose(disposing);
    }

    private void Finish(string sql)
    {
        var connection = _connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        _connection = null;
        connection.ExecuteNonQuery(sql);
    }
}
