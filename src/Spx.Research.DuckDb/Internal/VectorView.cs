using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Reads values of one vector straight from its memory: the data pointer and validity bitmap are
/// fetched once per chunk (<see cref="Bind"/>), after which every read is pointer arithmetic — no
/// per-value call into DuckDB. Nested types keep child views for their child vectors.
/// </summary>
internal sealed unsafe class VectorView
{
    private readonly VectorView? _child;
    private readonly VectorView[] _fields;

    public VectorView(ColumnType type)
    {
        Type = type;
        _child = type.Child is null ? null : new VectorView(type.Child);
        _fields = type.Fields.Select(f => new VectorView(f)).ToArray();
    }

    public ColumnType Type { get; }
    public byte* Data { get; private set; }
    public ulong* Validity { get; private set; }

    /// <summary>Points this view (and its children) at <paramref name="vector"/>.</summary>
    public void Bind(IntPtr vector)
    {
        Data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        Validity = NativeMethods.duckdb_vector_get_validity(vector);
        switch (Type.Id)
        {
            case DuckDbTypeId.List or DuckDbTypeId.Map:
                _child!.Bind(NativeMethods.duckdb_list_vector_get_child(vector));
                break;
            case DuckDbTypeId.Array:
                _child!.Bind(NativeMethods.duckdb_array_vector_get_child(vector));
                break;
            case DuckDbTypeId.Struct:
                for (var i = 0; i < _fields.Length; i++) _fields[i].Bind(NativeMethods.duckdb_struct_vector_get_child(vector, (ulong)i));
                break;
        }
    }

    public bool IsNull(long row) =>
        Type.Id == DuckDbTypeId.SqlNull || (Validity != null && (Validity[row >> 6] & (1UL << (int)(row & 63))) == 0);

    public T Read<T>(long row) where T : unmanaged => ((T*)Data)[row];

    public NativeStringT* StringAt(long row) => (NativeStringT*)Data + row;

    /// <summary>The value at <paramref name="row"/> as <see cref="ColumnType.ClrType"/>; the caller checked <see cref="IsNull"/>.</summary>
    public object GetValue(long row) => Type.Id switch
    {
        DuckDbTypeId.Boolean => Read<byte>(row) != 0,
        DuckDbTypeId.TinyInt => Read<sbyte>(row),
        DuckDbTypeId.SmallInt => Read<short>(row),
        DuckDbTypeId.Integer => Read<int>(row),
        DuckDbTypeId.BigInt => Read<long>(row),
        DuckDbTypeId.HugeInt => NativeValues.ReadHugeInt(Data + row * 16),
        DuckDbTypeId.UTinyInt => Read<byte>(row),
        DuckDbTypeId.USmallInt => Read<ushort>(row),
        DuckDbTypeId.UInteger => Read<uint>(row),
        DuckDbTypeId.UBigInt => Read<ulong>(row),
        DuckDbTypeId.UHugeInt => NativeValues.ReadUHugeInt(Data + row * 16),
        DuckDbTypeId.Float => Read<float>(row),
        DuckDbTypeId.Double => Read<double>(row),
        DuckDbTypeId.Decimal => GetDecimal(row),
        DuckDbTypeId.Varchar => NativeValues.ReadString(StringAt(row)),
        DuckDbTypeId.Blob or DuckDbTypeId.Bit => NativeValues.ReadBlob(StringAt(row)),
        DuckDbTypeId.Date => NativeValues.DateFromDays(Read<int>(row)),
        DuckDbTypeId.Time => NativeValues.TimeFromMicros(Read<long>(row)),
        DuckDbTypeId.TimeNs => NativeValues.TimeFromMicros(Read<long>(row) / 1000),
        DuckDbTypeId.TimeTz => NativeValues.TimeTzToString(Read<ulong>(row)),
        DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampS or DuckDbTypeId.TimestampMs or DuckDbTypeId.TimestampNs
            => NativeValues.DateTimeFromRaw(Read<long>(row), Type.Id),
        DuckDbTypeId.TimestampTz => NativeValues.DateTimeOffsetFromMicros(Read<long>(row)),
        DuckDbTypeId.Interval => Read<DuckDbInterval>(row),
        DuckDbTypeId.Uuid => NativeValues.GuidFromHugeInt(Data + row * 16),
        DuckDbTypeId.Enum => Type.EnumValues[EnumIndex(row)],
        DuckDbTypeId.List => GetList(Read<NativeListEntry>(row)),
        DuckDbTypeId.Array => GetList(new NativeListEntry { Offset = (ulong)row * Type.ArraySize, Length = Type.ArraySize }),
        DuckDbTypeId.Struct => GetStruct(row),
        DuckDbTypeId.Map => GetMap(Read<NativeListEntry>(row)),
        _ => throw new NotSupportedException($"Reading DuckDB type {Type.Name} is not supported; CAST it in SQL (e.g. to VARCHAR)."),
    };

    public decimal GetDecimal(long row) => Type.Storage switch
    {
        DuckDbTypeId.SmallInt => NativeValues.DecimalFromUnscaled(Read<short>(row), Type.Scale),
        DuckDbTypeId.Integer => NativeValues.DecimalFromUnscaled(Read<int>(row), Type.Scale),
        DuckDbTypeId.BigInt => NativeValues.DecimalFromUnscaled(Read<long>(row), Type.Scale),
        _ => NativeValues.DecimalFromUnscaled(NativeValues.ReadHugeInt(Data + row * 16), Type.Scale),
    };

    private long EnumIndex(long row) => Type.Storage switch
    {
        DuckDbTypeId.UTinyInt => Read<byte>(row),
        DuckDbTypeId.USmallInt => Read<ushort>(row),
        _ => Read<uint>(row),
    };

    private Array GetList(NativeListEntry entry)
    {
        var child = _child!;
        var length = checked((int)entry.Length);
        var start = (long)entry.Offset;
        switch (child.Type.Id)
        {
            case DuckDbTypeId.Double: return Fill<double>(child, start, length);
            case DuckDbTypeId.BigInt: return Fill<long>(child, start, length);
            case DuckDbTypeId.Integer: return Fill<int>(child, start, length);
            case DuckDbTypeId.Float: return Fill<float>(child, start, length);
            case DuckDbTypeId.Varchar:
                var strings = new string?[length];
                for (var i = 0; i < length; i++)
                    strings[i] = child.IsNull(start + i) ? null : NativeValues.ReadString(child.StringAt(start + i));
                return strings;
        }
        var array = System.Array.CreateInstance(child.Type.NullableClrType, length);
        for (var i = 0; i < length; i++)
        {
            if (!child.IsNull(start + i)) array.SetValue(child.GetValue(start + i), i);
        }
        return array;
    }

    private static T?[] Fill<T>(VectorView child, long start, int length) where T : unmanaged
    {
        var values = new T?[length];
        for (var i = 0; i < length; i++)
            values[i] = child.IsNull(start + i) ? null : child.Read<T>(start + i);
        return values;
    }

    private Dictionary<string, object?> GetStruct(long row)
    {
        var result = new Dictionary<string, object?>(_fields.Length, StringComparer.Ordinal);
        for (var i = 0; i < _fields.Length; i++)
            result[Type.FieldNames[i]] = _fields[i].IsNull(row) ? null : _fields[i].GetValue(row);
        return result;
    }

    private Dictionary<object, object?> GetMap(NativeListEntry entry)
    {
        var entries = _child!;
        var result = new Dictionary<object, object?>((int)entry.Length);
        for (var i = 0UL; i < entry.Length; i++)
        {
            var row = (long)(entry.Offset + i);
            var key = entries._fields[0].GetValue(row);
            result[key] = entries._fields[1].IsNull(row) ? null : entries._fields[1].GetValue(row);
        }
        return result;
    }
}
