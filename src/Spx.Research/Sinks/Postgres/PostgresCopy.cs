using System.Data.Common;
using Npgsql;
using Spx.Research.Lake;

namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// Streams a DuckDB reader into a binary COPY, row by row: no partition is ever held in memory. Each value is
/// written with the column's declared PostgreSQL type, so a wrong value type fails loudly instead of being cast.
/// </summary>
internal static class PostgresCopy
{
    /// <summary>Copies every row of <paramref name="rows"/> (the declared columns), then the partition date; returns the row count.</summary>
    public static long Rows(NpgsqlConnection connection, string copy, PostgresTable table, DateOnly date, DbDataReader rows)
    {
        var declared = table.Dataset.Columns.Count;
        if (rows.FieldCount != declared)
            throw new SinkSchemaException($"{table.Dataset.Name}/{LakeLayout.PartitionName(date)}: the lake read {rows.FieldCount} columns; the dataset declares {declared}");
        using var importer = connection.BeginBinaryImport(copy);
        var count = 0L;
        while (rows.Read())
        {
            importer.StartRow();
            for (var i = 0; i < declared; i++)
            {
                if (DuckDbValue.Read(rows, i) is { } value) importer.Write(value, table.Columns[i].Type.DbType);
                else importer.WriteNull();
            }
            importer.Write(date, table.Columns[declared].Type.DbType);
            count++;
        }
        importer.Complete();
        return count;
    }
}
