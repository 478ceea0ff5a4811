using Apache.Arrow;
using Apache.Arrow.Types;

namespace Spx.Research.Lake;

/// <summary>
/// A slice of a <see cref="BatchColumn"/> as the Arrow array <see cref="ParquetBatchFile"/> writes: numbers and
/// instants wrap the batch's own arrays (no copy), dates and booleans are converted to Arrow's layout, text becomes a
/// dictionary array (<see cref="ArrowTextColumn"/>). The Arrow types fix the Parquet ones: string, double, int64,
/// int32, boolean, date32 (INT32 DATE) and timestamp[us, UTC] (INT64 micros, adjusted to UTC: DuckDB reads TIMESTAMPTZ).
/// </summary>
internal static class ArrowBatchColumn
{
    private static readonly TimestampType Instant = new(TimeUnit.Microsecond, "UTC");
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The Arrow type <paramref name="column"/> is written as.</summary>
    public static IArrowType Type(BatchColumn column) => column.SqlType switch
    {
        "VARCHAR" => new DictionaryType(Int32Type.Default, StringType.Default, ordered: false),
        "DOUBLE" => DoubleType.Default,
        "BIGINT" => Int64Type.Default,
        "INTEGER" => Int32Type.Default,
        "BOOLEAN" => BooleanType.Default,
        "DATE" => Date32Type.Default,
        "TIMESTAMPTZ" => Instant,
        var other => throw new NotSupportedException($"column '{column.Name}': {other} cannot be written from a column batch"),
    };

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="rows"/> of <paramref name="column"/>.</summary>
    public static IArrowArray Slice(BatchColumn column, int start, int rows)
    {
        if (column.Values is string?[] text) return ArrowTextColumn.Slice(text, start, rows);
        var validity = ValidityBits.Of(column.IsNull, start, rows);
        return column.Values switch
        {
            double[] values => new DoubleArray(ArrayBytes<double>.Buffer(values, start, rows), validity.Buffer, rows, validity.NullCount, 0),
            long[] values when column.SqlType == "TIMESTAMPTZ" =>
                new TimestampArray(Instant, ArrayBytes<long>.Buffer(values, start, rows), validity.Buffer, rows, validity.NullCount, 0),
            long[] values => new Int64Array(ArrayBytes<long>.Buffer(values, start, rows), validity.Buffer, rows, validity.NullCount, 0),
            int[] values => new Int32Array(ArrayBytes<int>.Buffer(values, start, rows), validity.Buffer, rows, validity.NullCount, 0),
            bool[] values => new BooleanArray(Bits(values, start, rows), validity.Buffer, rows, validity.NullCount, 0),
            DateOnly[] values => new Date32Array(Days(values, start, rows), validity.Buffer, rows, validity.NullCount, 0),
            _ => throw new NotSupportedException($"column '{column.Name}': {column.Values.GetType().Name}"),
        };
    }

    private static ArrowBuffer Bits(bool[] values, int start, int rows)
    {
        var bits = new byte[(rows + 7) / 8];
        for (var i = 0; i < rows; i++)
            if (values[start + i]) bits[i >> 3] |= (byte)(1 << (i & 7));
        return new ArrowBuffer(bits);
    }

    private static ArrowBuffer Days(DateOnly[] values, int start, int rows)
    {
        var days = new int[rows];
        for (var i = 0; i < rows; i++) days[i] = values[start + i].DayNumber - UnixEpochDay;
        return ArrayBytes<int>.Buffer(days, 0, rows);
    }
}
