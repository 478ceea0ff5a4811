using System.Runtime.InteropServices;
using System.Text;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Accumulates one result column chunk by chunk for <see cref="DuckDbColumnarResult"/>. Fixed-width
/// columns are bulk-copied from vector memory; the rest are converted value by value. NULL slots get
/// the element type's default and their row numbers are recorded separately.
/// </summary>
internal abstract unsafe class ColumnBuilder
{
    /// <summary>Row numbers (over the whole result) that are NULL; null when there are none.</summary>
    public List<long>? Nulls { get; private set; }

    public static ColumnBuilder For(ColumnType type) => type.Id switch
    {
        DuckDbTypeId.Boolean => new RawBuilder<bool>(),
        DuckDbTypeId.TinyInt => new RawBuilder<sbyte>(),
        DuckDbTypeId.SmallInt => new RawBuilder<short>(),
        DuckDbTypeId.Integer => new RawBuilder<int>(),
        DuckDbTypeId.BigInt => new RawBuilder<long>(),
        DuckDbTypeId.HugeInt => new RawBuilder<Int128>(),
        DuckDbTypeId.UTinyInt => new RawBuilder<byte>(),
        DuckDbTypeId.USmallInt => new RawBuilder<ushort>(),
        DuckDbTypeId.UInteger => new RawBuilder<uint>(),
        DuckDbTypeId.UBigInt => new RawBuilder<ulong>(),
        DuckDbTypeId.UHugeInt => new RawBuilder<UInt128>(),
        DuckDbTypeId.Float => new RawBuilder<float>(),
        DuckDbTypeId.Double => new RawBuilder<double>(),
        DuckDbTypeId.Interval => new RawBuilder<DuckDbInterval>(),
        // Timestamps stay raw epoch integers (µs, or the column's own unit for _S/_MS/_NS);
        // DuckDbColumnarResult.GetTimestamps converts on request.
        DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampTz or DuckDbTypeId.TimestampS
            or DuckDbTypeId.TimestampMs or DuckDbTypeId.TimestampNs => new RawBuilder<long>(),
        DuckDbTypeId.Date => new ConvertingBuilder<DateOnly>(static (v, r) => NativeValues.DateFromDays(v.Read<int>(r))),
        DuckDbTypeId.Time => new ConvertingBuilder<TimeOnly>(static (v, r) => NativeValues.TimeFromMicros(v.Read<long>(r))),
        DuckDbTypeId.Decimal => new ConvertingBuilder<decimal>(static (v, r) => v.GetDecimal(r)),
        DuckDbTypeId.Uuid => new ConvertingBuilder<Guid>(static (v, r) => NativeValues.GuidFromHugeInt(v.Data + r * 16)),
        DuckDbTypeId.Varchar => new StringColumnBuilder(),
        DuckDbTypeId.Enum => new ConvertingBuilder<string?>(static (v, r) => (string)v.GetValue(r)),
        DuckDbTypeId.Blob => new ConvertingBuilder<byte[]?>(static (v, r) => NativeValues.ReadBlob(v.StringAt(r))),
        _ => new ConvertingBuilder<object?>(static (v, r) => v.GetValue(r)),
    };

    /// <summary>Appends the first <paramref name="count"/> rows of <paramref name="view"/>, which start at
    /// row <paramref name="firstRow"/> of the whole result.</summary>
    public void Append(VectorView view, int count, long firstRow)
    {
        if (view.Type.Id == DuckDbTypeId.SqlNull)
        {
            var nulls = Nulls ??= [];
            for (var i = 0; i < count; i++) nulls.Add(firstRow + i);
            AppendDefaults(count);
            return;
        }
        var validity = view.Validity;
        var hasNulls = validity != null && CollectNulls(validity, count, firstRow);
        AppendValues(view, count, hasNulls ? validity : null);
    }

    public abstract Array Build();

    /// <summary>Appends values; <paramref name="validity"/> is null when the chunk has no NULLs.</summary>
    protected abstract void AppendValues(VectorView view, int count, ulong* validity);

    protected abstract void AppendDefaults(int count);

    protected static bool IsValid(ulong* validity, int row) =>
        validity == null || (validity[row >> 6] & (1UL << (row & 63))) != 0;

    private bool CollectNulls(ulong* validity, int count, long firstRow)
    {
        var found = false;
        for (var word = 0; word * 64 < count; word++)
        {
            var bits = validity[word];
            if (bits == ulong.MaxValue) continue;
            var end = Math.Min(64, count - word * 64);
            for (var bit = 0; bit < end; bit++)
            {
                if ((bits & (1UL << bit)) != 0) continue;
                (Nulls ??= []).Add(firstRow + word * 64 + bit);
                found = true;
            }
        }
        return found;
    }

    /// <summary>Fixed-width values whose vector layout equals the .NET layout: one bulk copy per chunk.</summary>
    private sealed class RawBuilder<T> : ColumnBuilder where T : unmanaged
    {
        private readonly SegmentedBuffer<T> _buffer = new();

        public override Array Build() => _buffer.ToArray();

        protected override void AppendValues(VectorView view, int count, ulong* validity)
        {
            _buffer.Reserve(count, out var first, out var second);
            var source = new ReadOnlySpan<T>(view.Data, count);
            source[..first.Length].CopyTo(first);
            source[first.Length..].CopyTo(second);
            if (typeof(T) == typeof(bool))
            {
                // DuckDB booleans are bytes; make sure only 0/1 reach a .NET bool.
                Normalize(MemoryMarshal.AsBytes(first));
                Normalize(MemoryMarshal.AsBytes(second));
            }
            if (validity == null) return;
            for (var row = 0; row < count; row++)
            {
                if (IsValid(validity, row)) continue;
                if (row < first.Length) first[row] = default;
                else second[row - first.Length] = default;
            }
        }

        protected override void AppendDefaults(int count)
        {
            _buffer.Reserve(count, out var first, out var second);
            first.Clear();
            second.Clear();
        }

        private static void Normalize(Span<byte> bytes)
        {
            for (var i = 0; i < bytes.Length; i++) bytes[i] = bytes[i] == 0 ? (byte)0 : (byte)1;
        }
    }

    /// <summary>Values converted one by one (DECIMAL, DATE, UUID, BLOB, nested types).</summary>
    private class ConvertingBuilder<T>(Func<VectorView, long, T>? read) : ColumnBuilder
    {
        private readonly SegmentedBuffer<T> _buffer = new();

        public override Array Build() => _buffer.ToArray();

        protected override void AppendValues(VectorView view, int count, ulong* validity)
        {
            _buffer.Reserve(count, out var first, out var second);
            for (var row = 0; row < count; row++)
            {
                var value = IsValid(validity, row) ? Read(view, row) : default!;
                if (row < first.Length) first[row] = value;
                else second[row - first.Length] = value;
            }
        }

        protected override void AppendDefaults(int count)
        {
            _buffer.Reserve(count, out var first, out var second);
            first.Clear();
            second.Clear();
        }

        protected virtual T Read(VectorView view, int row) => read!(view, row);
    }

    /// <summary>VARCHAR; reuses the previous string instance when the bytes repeat (e.g. a ticker column).</summary>
    private sealed class StringColumnBuilder() : ConvertingBuilder<string?>(null)
    {
        private string? _last;
        private byte[] _lastBytes = [];

        protected override string? Read(VectorView view, int row)
        {
            var bytes = NativeValues.StringBytes(view.StringAt(row));
            if (_last is not null && bytes.SequenceEqual(_lastBytes)) return _last;
            var text = Encoding.UTF8.GetString(bytes);
            if (bytes.Length <= 64)
            {
                _last = text;
                _lastBytes = bytes.ToArray();
            }
            return text;
        }
    }
}
