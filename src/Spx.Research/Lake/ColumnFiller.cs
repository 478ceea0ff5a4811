using DuckDB.NET.Data;

namespace Spx.Research.Lake;

/// <summary>Collects one column of a reader's rows into a growing typed array and a NULL mask, for <see cref="DuckDbColumnarResult"/>.</summary>
internal abstract class ColumnFiller(int ordinal)
{
    private bool[]? _nulls;

    protected int Ordinal => ordinal;

    /// <summary>The filler for the reader's column: typed for the types the lake uses, object for the rest.</summary>
    public static ColumnFiller For(DuckDBDataReader reader, int ordinal) => reader.GetDataTypeName(ordinal) switch
    {
        "Boolean" => new Typed<bool>(ordinal),
        "TinyInt" => new Typed<sbyte>(ordinal),
        "SmallInt" => new Typed<short>(ordinal),
        "Integer" => new Typed<int>(ordinal),
        "BigInt" => new Typed<long>(ordinal),
        "UnsignedTinyInt" => new Typed<byte>(ordinal),
        "UnsignedSmallInt" => new Typed<ushort>(ordinal),
        "UnsignedInteger" => new Typed<uint>(ordinal),
        "UnsignedBigInt" => new Typed<ulong>(ordinal),
        "Float" => new Typed<float>(ordinal),
        "Double" => new Typed<double>(ordinal),
        "Decimal" => new Typed<decimal>(ordinal),
        "Date" => new Typed<DateOnly>(ordinal),
        "Timestamp" or "TimestampS" or "TimestampMs" or "TimestampNs" => new Typed<DateTime>(ordinal),
        "TimestampTz" => new UtcTimestamps(ordinal),
        "Varchar" => new Typed<string>(ordinal),
        _ => new Values(ordinal),
    };

    /// <summary>Reads the current row's value (or notes its NULL) into slot <paramref name="row"/>.</summary>
    public void Read(DuckDBDataReader reader, int row)
    {
        Reserve(row);
        if (reader.IsDBNull(ordinal))
        {
            if (_nulls is null || _nulls.Length <= row) Array.Resize(ref _nulls, Math.Max(Capacity, row + 1));
            _nulls[row] = true;
        }
        else
        {
            ReadValue(reader, row);
        }
    }

    /// <summary>The values of the first <paramref name="rows"/> rows.</summary>
    public abstract Array Build(int rows);

    /// <summary>The NULL mask of the first <paramref name="rows"/> rows, or null when none was NULL.</summary>
    public bool[]? Nulls(int rows)
    {
        if (_nulls is null) return null;
        var mask = new bool[rows];
        Array.Copy(_nulls, mask, Math.Min(rows, _nulls.Length));
        return mask;
    }

    protected abstract int Capacity { get; }

    protected abstract void Reserve(int row);

    protected abstract void ReadValue(DuckDBDataReader reader, int row);

    private class Typed<T>(int ordinal) : ColumnFiller(ordinal)
    {
        protected T[] Items = new T[1024];

        protected override int Capacity => Items.Length;

        protected override void Reserve(int row)
        {
            if (row == Items.Length) Array.Resize(ref Items, (int)Math.Min(Array.MaxLength, 2L * Items.Length));
        }

        protected override void ReadValue(DuckDBDataReader reader, int row) => Items[row] = reader.GetFieldValue<T>(Ordinal);

        public override Array Build(int rows) => Items.Length == rows ? Items : Items[..rows];
    }

    /// <summary>DuckDB.NET reads TIMESTAMPTZ as a DateTime of unspecified kind; the instants are UTC.</summary>
    private sealed class UtcTimestamps(int ordinal) : Typed<DateTime>(ordinal)
    {
        protected override void ReadValue(DuckDBDataReader reader, int row) =>
            Items[row] = DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(Ordinal), DateTimeKind.Utc);
    }

    private sealed class Values(int ordinal) : Typed<object?>(ordinal)
    {
        protected override void ReadValue(DuckDBDataReader reader, int row) => Items[row] = DuckDbValue.Read(reader, Ordinal);
    }
}
