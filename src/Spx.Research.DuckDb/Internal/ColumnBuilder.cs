using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Fills one result column's array chunk by chunk for <see cref="DuckDbColumnarResult"/>. The array is
/// allocated at the result's final size up front, so fixed-width columns take exactly one bulk copy
/// from vector memory; other types are converted value by value. NULL slots hold the element default
/// and their row numbers are recorded in <see cref="Nulls"/>.
/// </summary>
internal abstract unsafe class ColumnBuilder
{
    /// <summary>Row numbers (over the whole result) that are NULL; null when there are none.</summary>
    public List<long>? Nulls { get; private set; }

    public static ColumnBuilder For(ColumnType type, int capacity) => type.Id switch
    {
        DuckDbTypeId.Boolean => new RawBuilder<bool>(capacity),
        DuckDbTypeId.TinyInt => new RawBuilder<sbyte>(capacity),
        DuckDbTypeId.SmallInt => new RawBuilder<short>(capacity),
        DuckDbTypeId.Integer => new RawBuilder<int>(capacity),
        DuckDbTypeId.BigInt => new RawBuilder<long>(capacity),
        DuckDbTypeId.HugeInt => new RawBuilder<Int128>(capacity),
        DuckDbTypeId.UTinyInt => new RawBuilder<byte>(capacity),
        DuckDbTypeId.USmallInt => new RawBuilder<ushort>(capacity),
        DuckDbTypeId.UInteger => new RawBuilder<uint>(capacity),
        DuckDbTypeId.UBigInt => new RawBuilder<ulong>(capacity),
        DuckDbTypeId.UHugeInt => new RawBuilder<UInt128>(capacity),
        DuckDbTypeId.Float => new RawBuilder<float>(capacity),
        DuckDbTypeId.Double => new RawBuilder<double>(capacity),
        DuckDbTypeId.Interval => new RawBuilder<DuckDbInterval>(capacity),
        // Timestamps stay raw epoch integers (µs, or the column's own unit for _S/_MS/_NS);
        // DuckDbColumnarResult.GetTimestamps converts on request.
        DuckDbTypeId.Timestamp or DuckDbTypeId.TimestampTz or DuckDbTypeId.TimestampS
            or DuckDbTypeId.TimestampMs or DuckDbTypeId.TimestampNs => new RawBuilder<long>(capacity),
        DuckDbTypeId.Date => new ConvertingBuilder<DateOnly>(capacity, static (v, r) => NativeValues.DateFromDays(v.Read<int>(r))),
        DuckDbTypeId.Time => new ConvertingBuilder<TimeOnly>(capacity, static (v, r) => NativeValues.TimeFromMicros(v.Read<long>(r))),
        DuckDbTypeId.Decimal => new ConvertingBuilder<decimal>(capacity, static (v, r) => v.GetDecimal(r)),
        DuckDbTypeId.Uuid => new ConvertingBuilder<Guid>(capacity, static (v, r) => NativeValues.GuidFromHugeInt(v.Data + r * 16)),
        DuckDbTypeId.Varchar => new StringColumnBuilder(capacity),
        DuckDbTypeId.Enum => new ConvertingBuilder<string?>(capacity, static (v, r) => (string)v.GetValue(r)),
        DuckDbTypeId.Blob => new ConvertingBuilder<byte[]?>(capacity, static (v, r) => NativeValues.ReadBlob(v.StringAt(r))),
        _ => new ConvertingBuilder<object?>(capacity, static (v, r) => v.GetValue(r)),
    };

    /// <summary>Appends the first <paramref name="count"/> rows of <paramref name="view"/>, which start at
    /// row <paramref name="firstRow"/> of the whole result.</summary>
    public void Append(VectorView view, int count, int firstRow)
    {
        if (view.Type.Id == DuckDbTypeId.SqlNull)
        {
            var nulls = Nulls ??= [];
            for (var i = 0; i < count; i++) nulls.Add(firstRow + i);
            AppendDefaults(count, firstRow);
            return;
        }
        var validity = view.Validity;
        var hasNulls = validity != null && CollectNulls(validity, count, firstRow);
        AppendValues(view, count, firstRow, hasNulls ? validity : null);
    }

    /// <summary>The finished array, exactly <paramref name="rows"/> long.</summary>
    public abstract Array Build(int rows);

    /// <summary>Appends values; <paramref name="validity"/> is null when the chunk has no NULLs.</summary>
    protected abstract void AppendValues(VectorView view, int count, int firstRow, ulong* validity);

    protected abstract void AppendDefaults(int count, int firstRow);

    protected static bool IsValid(ulong* validity, int row) =>
        validity == null || (validity[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>Grows <paramref name="values"/> (doubling) when a result turns out longer than announced.</summary>
    protected static void EnsureCapacity<T>(ref T[] values, int needed)
    {
        if (needed > values.Length) Array.Resize(ref values, Math.Max(needed, (int)Math.Min(Array.MaxLength, values.Length * 2L)));
    }

    protected static T[] Allocate<T>(int capacity) =>
        // Every slot is written before the array is handed out, so value-type arrays skip zeroing.
        RuntimeHelpers.IsReferenceOrContainsReferences<T>() ? new T[capacity] : GC.AllocateUninitializedArray<T>(capacity);

    private bool CollectNulls(ulong* validity, int count, int firstRow)
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

    /// <summary>One typed array per column: sizing and NULL-run filling shared by every element type.</summary>
    private abstract class ArrayBuilder<T>(int capacity) : ColumnBuilder
    {
        private T[] _values = Allocate<T>(capacity);

        public override Array Build(int rows)
        {
            if (_values.Length != rows) Array.Resize(ref _values, rows);
            return _values;
        }

        /// <summary>The slots for rows <paramref name="firstRow"/>.. of this chunk, growing the array if needed.</summary>
        protected Span<T> Slots(int firstRow, int count)
        {
            EnsureCapacity(ref _values, firstRow + count);
            return _values.AsSpan(firstRow, count);
        }

        protected override void AppendDefaults(int count, int firstRow) => Slots(firstRow, count).Clear();
    }

    /// <summary>Fixed-width values whose vector layout equals the .NET layout: one bulk copy per chunk.</summary>
    private sealed class RawBuilder<T>(int capacity) : ArrayBuilder<T>(capacity) where T : unmanaged
    {
        protected override void AppendValues(VectorView view, int count, int firstRow, ulong* validity)
        {
            var target = Slots(firstRow, count);
            new ReadOnlySpan<T>(view.Data, count).CopyTo(target);
            if (typeof(T) == typeof(bool))
            {
                // DuckDB booleans are bytes; make sure only 0/1 reach a .NET bool.
                var bytes = MemoryMarshal.AsBytes(target);
                for (var i = 0; i < bytes.Length; i++) bytes[i] = bytes[i] == 0 ? (byte)0 : (byte)1;
            }
            if (validity == null) return;
            for (var row = 0; row < count; row++)
            {
                if (!IsValid(validity, row)) target[row] = default;
            }
        }
    }

    /// <summary>Values converted one by one (DECIMAL, DATE, UUID, BLOB, nested types).</summary>
    private class ConvertingBuilder<T>(int capacity, Func<VectorView, long, T>? read) : ArrayBuilder<T>(capacity)
    {
        protected override void AppendValues(VectorView view, int count, int firstRow, ulong* validity)
        {
            var target = Slots(firstRow, count);
            for (var row = 0; row < count; row++)
                target[row] = IsValid(validity, row) ? Read(view, row) : default!;
        }

        protected virtual T Read(VectorView view, int row) => read!(view, row);
    }

    /// <summary>VARCHAR; reuses the previous string instance when the bytes repeat (e.g. a ticker column).</summary>
    private sealed class StringColumnBuilder(int capacity) : ConvertingBuilder<string?>(capacity, null)
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
