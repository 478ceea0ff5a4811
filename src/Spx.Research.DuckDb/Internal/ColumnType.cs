using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// A DuckDB logical type decoded once per result column (recursively for LIST/ARRAY/STRUCT/MAP), so
/// the per-row read path never calls back into the C API to ask what it is looking at.
/// </summary>
internal sealed class ColumnType
{
    private ColumnType(DuckDbTypeId id) => Id = id;

    public DuckDbTypeId Id { get; }

    /// <summary>SQL-ish type name, e.g. <c>DECIMAL(18,3)</c>, <c>INTEGER[]</c>, <c>TIMESTAMP WITH TIME ZONE</c>.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The .NET type <see cref="DuckDbDataReader.GetValue"/> returns for non-NULL values.</summary>
    public Type ClrType { get; private set; } = typeof(object);

    /// <summary>For DECIMAL: the integer type holding the unscaled value; for ENUM: the index type.</summary>
    public DuckDbTypeId Storage { get; private set; }

    public byte Width { get; private set; }
    public byte Scale { get; private set; }

    /// <summary>Element type of LIST/ARRAY; entry STRUCT of MAP.</summary>
    public ColumnType? Child { get; private set; }

    public ulong ArraySize { get; private set; }

    public string[] FieldNames { get; private set; } = [];
    public ColumnType[] Fields { get; private set; } = [];
    public string[] EnumValues { get; private set; } = [];

    /// <summary>Decodes (but does not destroy) a <c>duckdb_logical_type</c>.</summary>
    public static ColumnType FromLogical(IntPtr logical)
    {
        var type = new ColumnType((DuckDbTypeId)NativeMethods.duckdb_get_type_id(logical));
        type.Describe(logical);
        return type;
    }

    /// <summary>Decodes and then destroys a <c>duckdb_logical_type</c> the caller owned.</summary>
    public static ColumnType FromOwnedLogical(IntPtr logical)
    {
        try { return FromLogical(logical); }
        finally { NativeMethods.duckdb_destroy_logical_type(ref logical); }
    }

    private void Describe(IntPtr logical)
    {
        (Name, ClrType) = Id switch
        {
            DuckDbTypeId.Boolean => ("BOOLEAN", typeof(bool)),
            DuckDbTypeId.TinyInt => ("TINYINT", typeof(sbyte)),
            DuckDbTypeId.SmallInt => ("SMALLINT", typeof(short)),
            DuckDbTypeId.Integer => ("INTEGER", typeof(int)),
            DuckDbTypeId.BigInt => ("BIGINT", typeof(long)),
            DuckDbTypeId.HugeInt => ("HUGEINT", typeof(Int128)),
            DuckDbTypeId.UTinyInt => ("UTINYINT", typeof(byte)),
            DuckDbTypeId.USmallInt => ("USMALLINT", typeof(ushort)),
            DuckDbTypeId.UInteger => ("UINTEGER", typeof(uint)),
            DuckDbTypeId.UBigInt => ("UBIGINT", typeof(ulong)),
            DuckDbTypeId.UHugeInt => ("UHUGEINT", typeof(UInt128)),
            DuckDbTypeId.Float => ("FLOAT", typeof(float)),
            DuckDbTypeId.Double => ("DOUBLE", typeof(double)),
            DuckDbTypeId.Varchar => ("VARCHAR", typeof(string)),
            DuckDbTypeId.Blob => ("BLOB", typeof(byte[])),
            DuckDbTypeId.Date => ("DATE", typeof(DateOnly)),
            DuckDbTypeId.Time => ("TIME", typeof(TimeOnly)),
            DuckDbTypeId.TimeNs => ("TIME_NS", typeof(TimeOnly)),
            DuckDbTypeId.TimeTz => ("TIME WITH TIME ZONE", typeof(string)),
            DuckDbTypeId.Timestamp => ("TIMESTAMP", typeof(DateTime)),
            DuckDbTypeId.TimestampS => ("TIMESTAMP_S", typeof(DateTime)),
            DuckDbTypeId.TimestampMs => ("TIMESTAMP_MS", typeof(DateTime)),
            DuckDbTypeId.TimestampNs => ("TIMESTAMP_NS", typeof(DateTime)),
            DuckDbTypeId.TimestampTz => ("TIMESTAMP WITH TIME ZONE", typeof(DateTimeOffset)),
            DuckDbTypeId.Interval => ("INTERVAL", typeof(DuckDbInterval)),
            DuckDbTypeId.Uuid => ("UUID", typeof(Guid)),
            DuckDbTypeId.SqlNull => ("\"NULL\"", typeof(object)),
            DuckDbTypeId.Decimal => ("DECIMAL", typeof(decimal)),
            DuckDbTypeId.Enum => ("ENUM", typeof(string)),
            _ => (Id.ToString().ToUpperInvariant(), typeof(object)),
        };

        switch (Id)
        {
            case DuckDbTypeId.Decimal:
                Width = NativeMethods.duckdb_decimal_width(logical);
                Scale = NativeMethods.duckdb_decimal_scale(logical);
                Storage = (DuckDbTypeId)NativeMethods.duckdb_decimal_internal_type(logical);
                Name = $"DECIMAL({Width},{Scale})";
                break;
            case DuckDbTypeId.Enum:
                Storage = (DuckDbTypeId)NativeMethods.duckdb_enum_internal_type(logical);
                var size = NativeMethods.duckdb_enum_dictionary_size(logical);
                EnumValues = new string[size];
                for (uint i = 0; i < size; i++)
                    EnumValues[i] = NativeText.Owned(NativeMethods.duckdb_enum_dictionary_value(logical, i)) ?? "";
                break;
            case DuckDbTypeId.List:
                Child = FromOwnedLogical(NativeMethods.duckdb_list_type_child_type(logical));
                Name = Child.Name + "[]";
                ClrType = Child.NullableClrType.MakeArrayType();
                break;
            case DuckDbTypeId.Array:
                Child = FromOwnedLogical(NativeMethods.duckdb_array_type_child_type(logical));
                ArraySize = NativeMethods.duckdb_array_type_array_size(logical);
                Name = $"{Child.Name}[{ArraySize}]";
                ClrType = Child.NullableClrType.MakeArrayType();
                break;
            case DuckDbTypeId.Struct:
                DescribeFields(logical);
                Name = "STRUCT(" + string.Join(", ", FieldNames.Select((n, i) => $"{Quote(n)} {Fields[i].Name}")) + ")";
                ClrType = typeof(Dictionary<string, object?>);
                break;
            case DuckDbTypeId.Map:
                // A MAP is physically a LIST of STRUCT(key, value).
                Child = FromOwnedLogical(NativeMethods.duckdb_list_type_child_type(logical));
                Name = Child.Fields.Length == 2 ? $"MAP({Child.Fields[0].Name}, {Child.Fields[1].Name})" : "MAP";
                ClrType = typeof(Dictionary<object, object?>);
                break;
        }

        var alias = NativeText.Owned(NativeMethods.duckdb_logical_type_get_alias(logical));
        if (!string.IsNullOrEmpty(alias)) Name = alias.ToUpperInvariant();
    }

    /// <summary>The element type used inside list arrays: <c>int?</c> for INTEGER, <c>string</c> for VARCHAR.</summary>
    public Type NullableClrType =>
        ClrType.IsValueType && Nullable.GetUnderlyingType(ClrType) is null ? typeof(Nullable<>).MakeGenericType(ClrType) : ClrType;

    private void DescribeFields(IntPtr logical)
    {
        var count = (int)NativeMethods.duckdb_struct_type_child_count(logical);
        FieldNames = new string[count];
        Fields = new ColumnType[count];
        for (var i = 0; i < count; i++)
        {
            FieldNames[i] = NativeText.Owned(NativeMethods.duckdb_struct_type_child_name(logical, (ulong)i)) ?? "";
            Fields[i] = FromOwnedLogical(NativeMethods.duckdb_struct_type_child_type(logical, (ulong)i));
        }
    }

    private static string Quote(string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "\"" + name.Replace("\"", "\"\"") + "\"";
}
