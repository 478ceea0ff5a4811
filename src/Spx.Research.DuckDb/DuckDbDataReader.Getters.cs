using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

// Typed getters. Each reads the column's own storage type straight from vector memory and falls back
// to a checked conversion (numeric widening, DATE → DateTime, …) with an error naming the column.
public sealed unsafe partial class DuckDbDataReader
{
    /// <inheritdoc />
    public override bool GetBoolean(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.Boolean ? view.Read<byte>(_row) != 0 : Convert<bool>(ordinal);
    }

    /// <inheritdoc />
    public override byte GetByte(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.UTinyInt ? view.Read<byte>(_row) : Convert<byte>(ordinal);
    }

    /// <inheritdoc />
    public override short GetInt16(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.SmallInt => view.Read<short>(_row),
            DuckDbTypeId.TinyInt => view.Read<sbyte>(_row),
            DuckDbTypeId.UTinyInt => view.Read<byte>(_row),
            _ => Convert<short>(ordinal),
        };
    }

    /// <inheritdoc />
    public override int GetInt32(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Integer => view.Read<int>(_row),
            DuckDbTypeId.SmallInt => view.Read<short>(_row),
            DuckDbTypeId.TinyInt => view.Read<sbyte>(_row),
            DuckDbTypeId.USmallInt => view.Read<ushort>(_row),
            DuckDbTypeId.UTinyInt => view.Read<byte>(_row),
            _ => Convert<int>(ordinal),
        };
    }

    /// <inheritdoc />
    public override long GetInt64(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.BigInt => view.Read<long>(_row),
            DuckDbTypeId.Integer => view.Read<int>(_row),
            DuckDbTypeId.SmallInt => view.Read<short>(_row),
            DuckDbTypeId.TinyInt => view.Read<sbyte>(_row),
            DuckDbTypeId.UInteger => view.Read<uint>(_row),
            DuckDbTypeId.USmallInt => view.Read<ushort>(_row),
            DuckDbTypeId.UTinyInt => view.Read<byte>(_row),
            _ => Convert<long>(ordinal),
        };
    }

    /// <inheritdoc />
    public override float GetFloat(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.Float ? view.Read<float>(_row) : Convert<float>(ordinal);
    }

    /// <inheritdoc />
    public override double GetDouble(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Double => view.Read<double>(_row),
            DuckDbTypeId.Float => view.Read<float>(_row),
            DuckDbTypeId.BigInt => view.Read<long>(_row),
            DuckDbTypeId.Integer => view.Read<int>(_row),
            _ => Convert<double>(ordinal),
        };
    }

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id == DuckDbTypeId.Decimal ? view.GetDecimal(_row) : Convert<decimal>(ordinal);
    }

    /// <inheritdoc />
    public override string GetString(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Varchar => NativeValues.ReadString(view.StringAt(_row)),
            DuckDbTypeId.Enum => (string)view.GetValue(_row),
            _ => throw CastError(ordinal, typeof(string)),
        };
    }

    /// <summary>The timestamp (TIMESTAMP*: Kind Unspecified; TIMESTAMPTZ: the UTC instant, Kind Utc; DATE: midnight).</summary>
    public override DateTime GetDateTime(int ordinal)
    {
        var view = NotNull(ordinal);
        return view.Type.Id switch
        {
            DuckDbTypeId.Timestamp => NativeValues.DateTimeFromMicros(view.Read<long>(_row)),
            DuckDbTypeId.TimestampTz => DateTime.SpecifyKind(NativeValues.DateTimeFromMicros(view.Read<long>(_row)), DateTimeKind.Utc),
            _ => Convert<DateTime>(ordinal),
        };
    }

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal) is [var c, ..] ? c : throw CastError(ordinal, typeof(char));

    /// <summary>Copies bytes of a BLOB (or VARCHAR's UTF-8); with a null buffer returns the total length.</summary>
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var view = NotNull(ordinal);
        if (view.Type.Id is not (DuckDbTypeId.Blob or DuckDbTypeId.Varchar or DuckDbTypeId.Bit)) throw CastError(ordinal, typeof(byte[]));
        var bytes = NativeValues.StringBytes(view.StringAt(_row));
        if (buffer is null) return bytes.Length;
        if (dataOffset >= bytes.Length) return 0;
        var count = Math.Min(length, bytes.Length - (int)dataOffset);
        bytes.Slice((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <summary>Copies characters of a VARCHAR; with a null buffer returns the total length.</summary>
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null) return text.Length;
        if (dataOffset >= text.Length) return 0;
        var count = Math.Min(length, text.Length - (int)dataOffset);
        text.AsSpan((int)dataOffset, count).CopyTo(buffer.AsSpan(bufferOffset));
        return count;
    }

    /// <summary>
    /// The value as <typeparamref name="T"/>: the column's own type, a nullable of it (NULL → null), or a
    /// sensible conversion (numeric widening, INTERVAL → TimeSpan, DATE → DateTime, list → non-nullable array).
    /// </summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        if (typeof(T) == typeof(double)) return (T)(object)GetDouble(ordinal);
        if (typeof(T) == typeof(long)) return (T)(object)GetInt64(ordinal);
        if (typeof(T) == typeof(int)) return (T)(object)GetInt32(ordinal);
        if (typeof(T) == typeof(string)) return (T)(object)GetString(ordinal);
        if (typeof(T) == typeof(DateTime)) return (T)(object)GetDateTime(ordinal);
        if (typeof(T) == typeof(bool)) return (T)(object)GetBoolean(ordinal);
        if (typeof(T) == typeof(decimal)) return (T)(object)GetDecimal(ordinal);
        var view = Current(ordinal);
        if (view.IsNull(_row))
        {
            if (default(T) is null) return default!;
            throw new InvalidCastException($"Column '{_names[ordinal]}' is NULL; read it as {typeof(T).Name}? or check IsDBNull first.");
        }
        return Convert<T>(ordinal);
    }

    private T Convert<T>(int ordinal)
    {
        var value = _views[ordinal].GetValue(_row);
        try
        {
            return (T)ValueConverter.ChangeType(value, typeof(T))!;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw CastError(ordinal, typeof(T), e);
        }
    }

    private InvalidCastException CastError(int ordinal, Type target, Exception? inner = null) =>
        new($"Column '{_names[ordinal]}' is {_types[ordinal].Name} ({_types[ordinal].ClrType.Name}) and cannot be read as {target.Name}."
            + (inner is null ? "" : " " + inner.Message), inner);
}
