namespace Spx.Research.Lake;

/// <summary>
/// The declared column types <see cref="LakeAppenderRow"/> can check a value against. Parsed once per write
/// from <see cref="DatasetColumn.Type"/>, so checking a value costs one array read and one comparison.
/// </summary>
internal enum AppendableType
{
    /// <summary>A declared type the appender has no value for (DECIMAL, BLOB, …): only NULL can be appended.</summary>
    Unsupported,
    Varchar,
    BigInt,
    Integer,
    Double,
    Boolean,
    Date,
    TimestampTz,
    VarcharList,
}

/// <summary>Reads a DuckDB type string, with DuckDB's common aliases (INT8, TEXT, TIMESTAMP WITH TIME ZONE, …).</summary>
internal static class AppendableTypes
{
    /// <summary>What <paramref name="declaredType"/> accepts; <see cref="AppendableType.Unsupported"/> for anything else.</summary>
    public static AppendableType Of(string declaredType)
    {
        var type = string.Join(' ', declaredType.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (type.EndsWith("[]", StringComparison.Ordinal))
            return Of(type[..^2]) == AppendableType.Varchar ? AppendableType.VarcharList : AppendableType.Unsupported;
        return type switch
        {
            "VARCHAR" or "TEXT" or "STRING" or "CHAR" or "BPCHAR" => AppendableType.Varchar,
            "BIGINT" or "INT8" or "LONG" => AppendableType.BigInt,
            "INTEGER" or "INT" or "INT4" or "SIGNED" => AppendableType.Integer,
            "DOUBLE" or "FLOAT8" => AppendableType.Double,
            "BOOLEAN" or "BOOL" or "LOGICAL" => AppendableType.Boolean,
            "DATE" => AppendableType.Date,
            "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" => AppendableType.TimestampTz,
            _ => AppendableType.Unsupported,
        };
    }
}
