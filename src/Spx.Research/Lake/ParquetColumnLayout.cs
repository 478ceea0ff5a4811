using ParquetSharp;

namespace Spx.Research.Lake;

/// <summary>
/// Whether a Parquet file's columns have the physical and logical types the lake writes, for readers that go around
/// DuckDB (ParquetSharp's typed column readers need the exact physical type; DuckDB would convert). A reader that gets
/// null reads the file through DuckDB instead.
/// </summary>
internal static class ParquetColumnLayout
{
    /// <summary>One expected column: its name, physical type and a test of its logical type.</summary>
    public readonly record struct Expected(string Name, PhysicalType Type, Func<LogicalType, bool> Logical);

    /// <summary>Column indexes by name when every expected column is there, flat, with its types; else null.</summary>
    public static Dictionary<string, int>? Find(SchemaDescriptor schema, IEnumerable<Expected> expected)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, type, logical) in expected)
        {
            var index = schema.ColumnIndex(name);
            if (index < 0) return null;
            var column = schema.Column(index);
            using var logicalType = column.LogicalType;
            if (column.PhysicalType != type || column.MaxRepetitionLevel != 0 || column.MaxDefinitionLevel > 1 || !logical(logicalType)) return null;
            columns[name] = index;
        }
        return columns;
    }

    /// <summary>VARCHAR: a UTF-8 byte array.</summary>
    public static Expected Text(string name) => new(name, PhysicalType.ByteArray, l => l is StringLogicalType);

    /// <summary>DOUBLE.</summary>
    public static Expected Double(string name) => new(name, PhysicalType.Double, l => l is NoneLogicalType);

    /// <summary>BIGINT, with or without the 64-bit signed integer annotation.</summary>
    public static Expected Long(string name) => new(name, PhysicalType.Int64, l => l is NoneLogicalType or IntLogicalType { BitWidth: 64, IsSigned: true });

    /// <summary>DATE: days as a 32-bit integer.</summary>
    public static Expected Date(string name) => new(name, PhysicalType.Int32, l => l is DateLogicalType);

    /// <summary>TIMESTAMPTZ: microseconds, adjusted to UTC.</summary>
    public static Expected Instant(string name) =>
        new(name, PhysicalType.Int64, l => l is TimestampLogicalType { IsAdjustedToUtc: true, TimeUnit: TimeUnit.Micros });
}
