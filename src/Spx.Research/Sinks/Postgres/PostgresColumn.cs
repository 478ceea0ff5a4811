namespace Spx.Research.Sinks.Postgres;

/// <summary>One column of a dataset's PostgreSQL table.</summary>
public sealed record PostgresColumn(string Name, PostgresType Type, bool NotNull)
{
    /// <summary>The column as <c>CREATE TABLE</c> declares it.</summary>
    public string Definition => $"{Quoted} {Type.Sql}{(NotNull ? " NOT NULL" : "")}";

    /// <summary>The name as a quoted identifier (<c>date</c>, <c>open</c> and <c>close</c> are SQL words).</summary>
    public string Quoted => PostgresTable.Quote(Name);
}
