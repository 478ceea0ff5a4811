using System.Text;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

// The typed Append overloads: each writes its value straight into the current chunk's vector memory.
// The common column type for each overload is checked first (the fast path); anything else goes
// through a slower method that converts where it is lossless and otherwise names the column.
public sealed unsafe partial class DuckDbAppender
{
    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDbAppender Append(bool value)
    {
        var c = NextColumn();
        if (_ids[c] != DuckDbTypeId.Boolean) throw Mismatch(c, typeof(bool));
        ((byte*)_data[c])[_row] = value ? (byte)1 : (byte)0;
        _column = c + 1;
        return this;
    }

    /// <summary>Appends an integer to any integer, floating or DECIMAL column (range-checked).</summary>
    public DuckDbAppender Append(int value)
    {
        var c = _column;
        if ((uint)c < (uint)_ids.Length && _ids[c] == DuckDbTypeId.Integer)
        {
            ((int*)_data[c])[_row] = value;
            _column = c + 1;
            return this;
        }
        return AppendInteger(value, typeof(int));
    }

    /// <summary>Appends an integer to any integer, floating or DECIMAL column (range-checked).</summary>
    public DuckDbAppender Append(long value)
    {
        var c = _column;
        if ((uint)c < (uint)_ids.Length && _ids[c] == DuckDbTypeId.BigInt)
        {
            ((long*)_data[c])[_row] = value;
            _column = c + 1;
            return this;
        }
        return AppendInteger(value, typeof(long));
    }

    /// <summary>Appends a DOUBLE (also accepted by FLOAT and DECIMAL columns).</summary>
    public DuckDbAppender Append(double value)
    {
        var c = _column;
        if ((uint)c < (uint)_ids.Length && _ids[c] == DuckDbTypeId.Double)
        {
            ((double*)_data[c])[_row] = value;
            _column = c + 1;
            return this;
        }
        return AppendDoubleSlow(value);
    }

    /// <summary>Appends a FLOAT (also accepted by DOUBLE columns).</summary>
    public DuckDbAppender Append(float value)
    {
        var c = NextColumn();
        switch (_ids[c])
        {
            case DuckDbTypeId.Float: ((float*)_data[c])[_row] = value; break;
            case DuckDbTypeId.Double: ((double*)_data[c])[_row] = value; break;
            default: throw Mismatch(c, typeof(float));
        }
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a DECIMAL, rounded half away from zero to the column's scale (also accepted by DOUBLE/FLOAT).</summary>
    public DuckDbAppender Append(decimal value)
    {
        var c = NextColumn();
        switch (_ids[c])
        {
            case DuckDbTypeId.Decimal: WriteDecimal(c, value); break;
            case DuckDbTypeId.Double: ((double*)_data[c])[_row] = (double)value; break;
            case DuckDbTypeId.Float: ((float*)_data[c])[_row] = (float)value; break;
            default: throw Mismatch(c, typeof(decimal));
        }
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a VARCHAR (null → NULL).</summary>
    public DuckDbAppender Append(string? value)
    {
        if (value is null) return AppendNull();
        var c = NextColumn();
        if (_ids[c] != DuckDbTypeId.Varchar) throw Mismatch(c, typeof(string));
        var slots = (NativeStringT*)_data[c];
        if (ReferenceEquals(value, _lastString[c]) && _lastStringRow[c] >= 0)
        {
            // Same string as an earlier row of this chunk: share its bytes (inline or in the vector's heap).
            slots[_row] = slots[_lastStringRow[c]];
        }
        else
        {
            WriteString(c, slots, value);
            _lastString[c] = value;
        }
        _lastStringRow[c] = _row;
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a BLOB (null → NULL).</summary>
    public DuckDbAppender Append(byte[]? value)
    {
        if (value is null) return AppendNull();
        var c = NextColumn();
        if (_ids[c] != DuckDbTypeId.Blob) throw Mismatch(c, typeof(byte[]));
        WriteBytes(c, (NativeStringT*)_data[c], value);
        _column = c + 1;
        return this;
    }

    /// <summary>
    /// Appends a timestamp. TIMESTAMP (and _S/_MS/_NS) columns take the wall-clock value as given,
    /// whatever its Kind; TIMESTAMPTZ columns take it as UTC (a Local value is converted first).
    /// </summary>
    public DuckDbAppender Append(DateTime value)
    {
        var c = _column;
        if ((uint)c < (uint)_ids.Length && _ids[c] == DuckDbTypeId.Timestamp)
        {
            ((long*)_data[c])[_row] = NativeValues.MicrosFromDateTime(value);
            _column = c + 1;
            return this;
        }
        return AppendDateTimeSlow(value);
    }

    /// <summary>Appends an instant: TIMESTAMPTZ columns store it; TIMESTAMP columns store its UTC wall clock.</summary>
    public DuckDbAppender Append(DateTimeOffset value)
    {
        var c = NextColumn();
        if (_ids[c] is not (DuckDbTypeId.TimestampTz or DuckDbTypeId.Timestamp)) throw Mismatch(c, typeof(DateTimeOffset));
        ((long*)_data[c])[_row] = NativeValues.MicrosFromDateTimeOffset(value);
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a DATE (a TIMESTAMP column takes midnight).</summary>
    public DuckDbAppender Append(DateOnly value)
    {
        var c = NextColumn();
        switch (_ids[c])
        {
            case DuckDbTypeId.Date: ((int*)_data[c])[_row] = NativeValues.DaysFromDate(value); break;
            case DuckDbTypeId.Timestamp: ((long*)_data[c])[_row] = NativeValues.MicrosFromDateTime(value.ToDateTime(TimeOnly.MinValue)); break;
            default: throw Mismatch(c, typeof(DateOnly));
        }
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a TIME.</summary>
    public DuckDbAppender Append(TimeOnly value)
    {
        var c = NextColumn();
        if (_ids[c] != DuckDbTypeId.Time) throw Mismatch(c, typeof(TimeOnly));
        ((long*)_data[c])[_row] = NativeValues.MicrosFromTime(value);
        _column = c + 1;
        return this;
    }

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppender Append(TimeSpan value) => Append(DuckDbInterval.FromTimeSpan(value));

    /// <summary>Appends an INTERVAL.</summary>
    public DuckDbAppender Append(DuckDbInterval value)
    {
        var c = NextColumn();
        if (_ids[c] != DuckDbTypeId.Interval) throw Mismatch(c, typeof(DuckDbInterval));
        ((DuckDbInterval*)_data[c])[_row] = value;
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a UUID.</summary>
    public DuckDbAppender Append(Guid value)
    {
        var c = NextColumn();
        if (_ids[c] != DuckDbTypeId.Uuid) throw Mismatch(c, typeof(Guid));
        NativeValues.WriteUuid((byte*)_data[c] + _row * 16, value);
        _column = c + 1;
        return this;
    }

    /// <summary>Appends a boxed value by dispatching on its runtime type (null/DBNull → NULL); slower than the typed overloads.</summary>
    public DuckDbAppender AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        sbyte v => AppendInteger(v, typeof(sbyte)),
        byte v => AppendInteger(v, typeof(byte)),
        short v => AppendInteger(v, typeof(short)),
        ushort v => AppendInteger(v, typeof(ushort)),
        int v => Append(v),
        uint v => AppendInteger(v, typeof(uint)),
        long v => Append(v),
        float v => Append(v),
        double v => Append(v),
        decimal v => Append(v),
        string v => Append(v),
        byte[] v => Append(v),
        DateTime v => Append(v),
        DateTimeOffset v => Append(v),
        DateOnly v => Append(v),
        TimeOnly v => Append(v),
        TimeSpan v => Append(v),
        DuckDbInterval v => Append(v),
        Guid v => Append(v),
        _ => throw Mismatch(NextColumn(), value.GetType()),
    };


    // ---- value writers ----------------------------------------------------------------------

    private DuckDbAppender AppendInteger(long value, Type source)
    {
        var c = NextColumn();
        var data = _data[c];
        var row = _row;
        switch (_ids[c])
        {
            case DuckDbTypeId.BigInt: ((long*)data)[row] = value; break;
            case DuckDbTypeId.Integer when value is >= int.MinValue and <= int.MaxValue: ((int*)data)[row] = (int)value; break;
            case DuckDbTypeId.SmallInt when value is >= short.MinValue and <= short.MaxValue: ((short*)data)[row] = (short)value; break;
            case DuckDbTypeId.TinyInt when value is >= sbyte.MinValue and <= sbyte.MaxValue: ((sbyte*)data)[row] = (sbyte)value; break;
            case DuckDbTypeId.UBigInt when value >= 0: ((ulong*)data)[row] = (ulong)value; break;
            case DuckDbTypeId.UInteger when value is >= 0 and <= uint.MaxValue: ((uint*)data)[row] = (uint)value; break;
            case DuckDbTypeId.USmallInt when value is >= 0 and <= ushort.MaxValue: ((ushort*)data)[row] = (ushort)value; break;
            case DuckDbTypeId.UTinyInt when value is >= 0 and <= byte.MaxValue: ((byte*)data)[row] = (byte)value; break;
            case DuckDbTypeId.HugeInt: ((Int128*)data)[row] = value; break;
            case DuckDbTypeId.Double: ((double*)data)[row] = value; break;
            case DuckDbTypeId.Float: ((float*)data)[row] = value; break;
            case DuckDbTypeId.Decimal: WriteDecimal(c, value); break;
            case DuckDbTypeId.Integer or DuckDbTypeId.SmallInt or DuckDbTypeId.TinyInt or DuckDbTypeId.UBigInt
                or DuckDbTypeId.UInteger or DuckDbTypeId.USmallInt or DuckDbTypeId.UTinyInt:
                throw OutOfRange(c, value);
            default: throw Mismatch(c, source);
        }
        _column = c + 1;
        return this;
    }

    private DuckDbAppender AppendDoubleSlow(double value)
    {
        var c = NextColumn();
        switch (_ids[c])
        {
            case DuckDbTypeId.Double: ((double*)_data[c])[_row] = value; break;
            case DuckDbTypeId.Float: ((float*)_data[c])[_row] = (float)value; break;
            case DuckDbTypeId.Decimal:
                if (!double.IsFinite(value) || Math.Abs(value) >= 7.9e28) throw OutOfRange(c, value);
                WriteDecimal(c, (decimal)value);
                break;
            default: throw Mismatch(c, typeof(double));
        }
        _column = c + 1;
        return this;
    }

    private DuckDbAppender AppendDateTimeSlow(DateTime value)
    {
        var c = NextColumn();
        var micros = NativeValues.MicrosFromDateTime(value);
        switch (_ids[c])
        {
            case DuckDbTypeId.Timestamp: ((long*)_data[c])[_row] = micros; break;
            case DuckDbTypeId.TimestampTz:
                ((long*)_data[c])[_row] = NativeValues.MicrosFromDateTime(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value);
                break;
            case DuckDbTypeId.TimestampS: ((long*)_data[c])[_row] = Math.DivRem(micros, 1_000_000).Quotient; break;
            case DuckDbTypeId.TimestampMs: ((long*)_data[c])[_row] = micros / 1_000; break;
            case DuckDbTypeId.TimestampNs: ((long*)_data[c])[_row] = (value.Ticks - NativeValues.UnixEpochTicks) * 100; break;
            default: throw Mismatch(c, typeof(DateTime));
        }
        _column = c + 1;
        return this;
    }

    private void WriteDecimal(int c, decimal value)
    {
        var type = _types[c];
        if (!NativeValues.TryUnscale(value, type.Width, type.Scale, out var unscaled)) throw OutOfRange(c, value);
        var data = _data[c];
        switch (type.Storage)
        {
            case DuckDbTypeId.SmallInt: ((short*)data)[_row] = (short)unscaled; break;
            case DuckDbTypeId.Integer: ((int*)data)[_row] = (int)unscaled; break;
            case DuckDbTypeId.BigInt: ((long*)data)[_row] = (long)unscaled; break;
            default: ((Int128*)data)[_row] = unscaled; break;
        }
    }

    private void WriteString(int c, NativeStringT* slots, string value)
    {
        var slot = slots + _row;
        if (value.Length <= NativeStringT.InlineLength)
        {
            // Short strings live inside the 16-byte slot itself: no heap, no call into DuckDB.
            // The unused inline bytes must be zero because DuckDB compares inline strings bytewise.
            var inline = new Span<byte>((byte*)slot + 4, NativeStringT.InlineLength);
            if (Encoding.UTF8.TryGetBytes(value, inline, out var written))
            {
                inline[written..].Clear();
                slot->Length = (uint)written;
                return;
            }
        }
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < length) _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var count = Encoding.UTF8.GetBytes(value, _utf8);
        WriteBytes(c, slots, _utf8.AsSpan(0, count));
    }

    private void WriteBytes(int c, NativeStringT* slots, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= NativeStringT.InlineLength)
        {
            var slot = slots + _row;
            var inline = new Span<byte>((byte*)slot + 4, NativeStringT.InlineLength);
            bytes.CopyTo(inline);
            inline[bytes.Length..].Clear();
            slot->Length = (uint)bytes.Length;
            return;
        }
        fixed (byte* pointer = bytes)
            NativeMethods.duckdb_vector_assign_string_element_len(_vectors[c], (ulong)_row, pointer, (ulong)bytes.Length);
    }
}
