using Npgsql;

namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// Compares an existing table with the one <see cref="PostgresTable"/> would create, by the type text PostgreSQL
/// reports (<c>format_type</c>), so a table created by an older version or by hand is never written into blindly.
/// </summary>
internal static class PostgresTableCheck
{
    private const string ColumnsSql = """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_attribute a
        WHERE a.attrelid = to_regclass(@table) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """;

    private const string PrimaryKeySql = """
        SELECT a.attname
        FROM pg_index i
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = to_regclass(@table) AND i.indisprimary
        ORDER BY k.position
        """;

    /// <summary>Whether the table exists; when it does, throws on the first difference.</summary>
    /// <exception cref="SinkSchemaException">Names the table, the column and what was found.</exception>
    public static bool Exists(NpgsqlConnection connection, PostgresTable table)
    {
        var found = Read(connection, ColumnsSql, table, r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetBoolean(2)));
        if (found.Count == 0) return false;

        foreach (var column in table.Columns)
        {
            var match = found.FirstOrDefault(f => f.Name == column.Name);
            if (match.Name is null)
                throw Mismatch(table, $"has no column '{column.Name}' (the dataset declares {column.Type.Sql})");
            if (match.Type != column.Type.Sql)
                throw Mismatch(table, $"column '{column.Name}' is {match.Type}; the dataset declares {column.Type.Sql}");
            if (match.NotNull && !column.NotNull)
                throw Mismatch(table, $"column '{column.Name}' is NOT NULL; the dataset allows NULL there");
        }
        var extra = found.FirstOrDefault(f => table.Columns.All(c => c.Name != f.Name));
        if (extra.Name is not null)
            throw Mismatch(table, $"has column '{extra.Name}' ({extra.Type}) that dataset {table.Dataset.Name} does not declare");

        var key = Read(connection, PrimaryKeySql, table, r => r.GetString(0));
        if (!key.SequenceEqual(table.PrimaryKey))
            throw Mismatch(table, $"has primary key ({string.Join(", ", key)}); expected ({string.Join(", ", table.PrimaryKey)})");
        return true;
    }

    private static List<T> Read<T>(NpgsqlConnection connection, string sql, PostgresTable table, Func<NpgsqlDataReader, T> row)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("table", table.QualifiedName);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    private static SinkSchemaException Mismatch(PostgresTable table, string problem) =>
        new($"PostgreSQL table {table.DisplayName} {problem}");
}
