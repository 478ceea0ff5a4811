using System.Data.Common;

namespace Spx.Research.DuckDb;

/// <summary>
/// An error reported by DuckDB (or by this binding on DuckDB's behalf). The message always carries
/// DuckDB's own text, e.g. <c>Catalog Error: Table with name nope does not exist!</c>, because that
/// text is what tells a user which table, column or value was wrong.
/// </summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception with DuckDB's message.</summary>
    public DuckDbException(string message) : base(message) { }

    /// <summary>Creates an exception with DuckDB's message and the failure that caused it.</summary>
    public DuckDbException(string message, Exception? innerException) : base(message, innerException) { }
}
