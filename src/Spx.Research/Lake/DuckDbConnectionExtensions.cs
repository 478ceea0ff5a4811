using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>
/// One-line SQL calls on a DuckDB.NET connection: the lake runs hundreds of small statements, and a
/// command object per call would hide what each one does. Parameters are positional (<c>?</c> or <c>$1</c>).
/// They live in the lake's namespace, so code that opens a <see cref="LakeSession"/> or a
/// <see cref="LakeWriter"/> has them on its <c>Connection</c> without another using.
/// </summary>
public static class DuckDbConnectionExtensions
{
    /// <summary>Runs SQL (one statement or a script); returns the rows changed by <c>INSERT</c>, <c>UPDATE</c>,
    /// <c>DELETE</c> or <c>COPY</c> (DuckDB.NET reports 0 for <c>CREATE TABLE … AS</c>: count the table).</summary>
    public static int ExecuteNonQuery(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row: null when there is no row, <see cref="DBNull"/> for NULL.</summary>
    public static object? ExecuteScalar(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteScalar();
    }

    /// <summary>
    /// The first value of a query as <typeparamref name="T"/>, default when there is no row or it is NULL.
    /// A statement that changes rows has no value here (use <see cref="ExecuteNonQuery"/>), and a HUGEINT
    /// (e.g. <c>sum</c> of BIGINT) reads only as BigInteger: cast it in SQL.
    /// </summary>
    public static T? ExecuteScalar<T>(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var reader = connection.ExecuteReader(sql, parameters);
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : default;
    }

    /// <summary>Streams the result; dispose the reader before running anything else on the connection.</summary>
    public static DuckDBDataReader ExecuteReader(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = connection.CreateCommand(sql, parameters);
        return command.ExecuteReader();
    }

    /// <summary>The whole result as one typed array per column (see <see cref="DuckDbColumnarResult"/>).</summary>
    public static DuckDbColumnarResult ExecuteColumnar(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var reader = connection.ExecuteReader(sql, parameters);
        return DuckDbColumnarResult.Load(reader);
    }

    private static DuckDBCommand CreateCommand(this DuckDBConnection connection, string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters) command.Parameters.Add(new DuckDBParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
