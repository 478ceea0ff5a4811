using System.Text.RegularExpressions;
using NpgsqlTypes;
using Spx.Research.Lake;

namespace Spx.Research.Sinks.Postgres;

/// <summary>
/// A dataset column's PostgreSQL type: the SQL spelling PostgreSQL itself reports (<c>format_type</c>), so an
/// existing table can be compared by text, and the <see cref="NpgsqlDbType"/> binary COPY writes it with.
/// </summary>
public sealed partial record PostgresType(string Sql, NpgsqlDbType DbType)
{
    /// <summary>The PostgreSQL type for a column's DuckDB type.</summary>
    /// <exception cref="SinkSchemaException">A DuckDB type with no faithful PostgreSQL counterpart (e.g. UBIGINT, STRUCT).</exception>
    public static PostgresType Of(string dataset, DatasetColumn column) =>
        Map(column.Type.Trim().ToUpperInvariant())
        ?? throw new SinkSchemaException($"{dataset}.{column.Name}: DuckDB type {column.Type} has no PostgreSQL mapping (see docs/sinks.md)");

    private static PostgresType? Map(string duckDb)
    {
        if (duckDb.EndsWith("[]", StringComparison.Ordinal))
            return Map(duckDb[..^2].TrimEnd()) is { } item && !item.Sql.EndsWith("[]", StringComparison.Ordinal)
                ? new PostgresType(item.Sql + "[]", NpgsqlDbType.Array | item.DbType)
                : null;
        if (Decimal().Match(duckDb) is { Success: true } decimalType)
            return new PostgresType($"numeric({decimalType.Groups[1].Value},{decimalType.Groups[2].Value})", NpgsqlDbType.Numeric);
        return duckDb switch
        {
            "VARCHAR" or "TEXT" or "STRING" => new("text", NpgsqlDbType.Text),
            "DOUBLE" or "FLOAT8" => new("double precision", NpgsqlDbType.Double),
            "FLOAT" or "REAL" or "FLOAT4" => new("real", NpgsqlDbType.Real),
            "BIGINT" or "INT8" or "LONG" => new("bigint", NpgsqlDbType.Bigint),
            "INTEGER" or "INT" or "INT4" => new("integer", NpgsqlDbType.Integer),
            "SMALLINT" or "INT2" => new("smallint", NpgsqlDbType.Smallint),
            "BOOLEAN" or "BOOL" => new("boolean", NpgsqlDbType.Boolean),
            "DATE" => new("date", NpgsqlDbType.Date),
            "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" => new("timestamp with time zone", NpgsqlDbType.TimestampTz),
            "TIMESTAMP" => new("timestamp without time zone", NpgsqlDbType.Timestamp),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?:DECIMAL|NUMERIC)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();
}
