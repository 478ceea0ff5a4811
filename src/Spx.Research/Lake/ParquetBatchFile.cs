using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Utf8 = System.Text.Encoding;
using ParquetSharp;
using ParquetSharp.Schema;

namespace Spx.Research.Lake;

/// <summary>
/// Writes a <see cref="ColumnBatch"/> as one Parquet file through ParquetSharp (Apache Arrow's C++ writer), straight
/// from the column arrays. Every column is OPTIONAL, as in the files DuckDB writes, so readers see one schema across
/// a dataset's files; instants are INT64 microseconds marked as UTC timestamps (DuckDB reads TIMESTAMPTZ), dates
/// INT32 days (DATE). zstd as everywhere in the lake; dictionary encoding only for text, where it pays (a day's
/// tickers repeat), not for prices and greeks, where the attempt only costs time. The same batch gives the same bytes.
/// </summary>
internal static class ParquetBatchFile
{
    /// <summary>Rows per row group, DuckDB's default, so large files still read in parallel.</summary>
    public const int RowGroupRows = 122_880;

    /// <summary>Writes <paramref name="batch"/> to <paramref name="path"/> (created or overwritten).</summary>
    public static void Write(ColumnBatch batch, string path)
    {
        using var schema = new GroupNode("schema", Repetition.Required, batch.Columns.Select(Node).ToArray());
        using var builder = new WriterPropertiesBuilder().Compression(Compression.Zstd).DisableDictionary();
        foreach (var column in batch.Columns.Where(c => c.SqlType == "VARCHAR")) builder.EnableDictionary(column.Name);
        using var properties = builder.Build();
        using var file = new ParquetFileWriter(path, schema, properties);
        var definitions = new short[Math.Min(RowGroupRows, Math.Max(batch.RowCount, 1))];
        // At least one row group, so a batch of no rows still writes a file with the schema.
        var groups = Math.Max(1, (batch.RowCount + RowGroupRows - 1) / RowGroupRows);
        for (var group = 0; group < groups; group++)
        {
            var start = group * RowGroupRows;
            var rows = Math.Min(RowGroupRows, batch.RowCount - start);
            using var rowGroup = file.AppendRowGroup();
            foreach (var column in batch.Columns)
            {
                using var writer = rowGroup.NextColumn();
                WriteChunk(writer, column, start, rows, definitions);
            }
        }
        file.Close();
    }

    private static Node Node(BatchColumn column) => column.SqlType switch
    {
        "VARCHAR" => new PrimitiveNode(column.Name, Repetition.Optional, LogicalType.String(), PhysicalType.ByteArray),
        "DOUBLE" => new PrimitiveNode(column.Name, Repetition.Optional, LogicalType.None(), PhysicalType.Double),
        "BIGINT" => new PrimitiveNode(column.Name, Repetition.Optional, LogicalType.None(), PhysicalType.Int64),
        "BOOLEAN" => new PrimitiveNode(column.Name, Repetition.Optional, LogicalType.None(), PhysicalType.Boolean),
        "DATE" => new PrimitiveNode(column.Name, Repetition.Optional, LogicalType.Date(), PhysicalType.Int32),
        "TIMESTAMPTZ" => new PrimitiveNode(column.Name, Repetition.Optional, LogicalType.Timestamp(true, TimeUnit.Micros), PhysicalType.Int64),
        var other => throw new NotSupportedException($"column '{column.Name}': {other} cannot be written from a column batch"),
    };

    private static void WriteChunk(ColumnWriter writer, BatchColumn column, int start, int rows, short[] definitions)
    {
        switch (column.Values)
        {
            case string?[] text:
                WriteText((ColumnWriter<ByteArray>)writer, text, start, rows, definitions);
                break;
            case double[] values:
                Write((ColumnWriter<double>)writer, values, column.IsNull, start, rows, definitions);
                break;
            case long[] values:
                Write((ColumnWriter<long>)writer, values, column.IsNull, start, rows, definitions);
                break;
            case bool[] values:
                Write((ColumnWriter<bool>)writer, values, column.IsNull, start, rows, definitions);
                break;
            case DateOnly[] values:
                var days = new int[rows];
                for (var i = 0; i < rows; i++) days[i] = values[start + i].DayNumber - UnixEpochDay;
                Write((ColumnWriter<int>)writer, days, column.IsNull, 0, rows, definitions, maskOffset: start);
                break;
            default:
                throw new NotSupportedException($"column '{column.Name}': {column.Values.GetType().Name}");
        }
    }

    /// <summary>Definition level 1 is a value, 0 a NULL; only the values are passed, NULLs leave no slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write<T>(ColumnWriter<T> writer, T[] values, bool[]? isNull, int start, int rows, short[] definitions, int? maskOffset = null)
        where T : unmanaged
    {
        var mask = maskOffset ?? start;
        var levels = definitions.AsSpan(0, rows);
        if (isNull is null)
        {
            levels.Fill(1);
            writer.WriteBatch(rows, levels, default, values.AsSpan(start, rows));
            return;
        }
        var present = new T[rows];
        var count = 0;
        for (var i = 0; i < rows; i++)
        {
            var missing = isNull[mask + i];
            levels[i] = missing ? (short)0 : (short)1;
            if (!missing) present[count++] = values[start + i];
        }
        writer.WriteBatch(rows, levels, default, present.AsSpan(0, count));
    }

    /// <summary>
    /// Text as UTF-8 byte arrays, each distinct string encoded once: a day's rows repeat a few hundred tickers and a
    /// handful of statuses as shared references, and encoding every row's copy was most of the text's cost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteText(ColumnWriter<ByteArray> writer, string?[] text, int start, int rows, short[] definitions)
    {
        var slots = new Dictionary<string, (int Offset, int Length)>(ReferenceEqualityComparer.Instance);
        var size = 0;
        for (var i = start; i < start + rows; i++)
        {
            if (text[i] is not { } value || slots.ContainsKey(value)) continue;
            var length = Utf8.UTF8.GetByteCount(value);
            slots.Add(value, (size, length));
            size += length;
        }
        // Pinned, because the writer reads the bytes through the pointers of ByteArray.
        var bytes = GC.AllocateUninitializedArray<byte>(Math.Max(size, 1), pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(bytes, 0);
        foreach (var (value, slot) in slots) Utf8.UTF8.GetBytes(value, bytes.AsSpan(slot.Offset, slot.Length));
        var levels = definitions.AsSpan(0, rows);
        var values = new ByteArray[rows];
        var count = 0;
        for (var i = 0; i < rows; i++)
        {
            if (text[start + i] is not { } value)
            {
                levels[i] = 0;
                continue;
            }
            levels[i] = 1;
            var slot = slots[value];
            values[count++] = new ByteArray(address + slot.Offset, slot.Length);
        }
        writer.WriteBatch(rows, levels, default, values.AsSpan(0, count));
        GC.KeepAlive(bytes);
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
}
