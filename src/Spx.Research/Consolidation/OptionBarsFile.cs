using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ParquetSharp;
using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// One <c>option_bars_1m</c> file read straight through ParquetSharp into arrays, for <see cref="DayBarsReader"/>. Most
/// of a DuckDB read of a day's bars went into turning each row's ticker and right into Arrow strings; here a text
/// column becomes one small id per row (the file's dictionary pointers make repeats cheap to recognise) and its
/// distinct values once. Only a file in the lake's exact physical layout is read this way (<see cref="Read"/> says
/// null otherwise, and the caller reads it through DuckDB).
/// </summary>
internal sealed class OptionBarsFile
{
    private OptionBarsFile(int rows, DayArrays arrays)
    {
        Rows = rows;
        (Expiry, Strike, Ts, Open, High, Low, Close, Volume) = (arrays.Take<int>(rows), arrays.Take<double>(rows), arrays.Take<long>(rows),
            arrays.Take<double>(rows), arrays.Take<double>(rows), arrays.Take<double>(rows), arrays.Take<double>(rows), arrays.Take<long>(rows));
        (Vwap, VwapNull, Trades, TradesNull) = (arrays.Take<double>(rows), arrays.Take<bool>(rows), arrays.Take<long>(rows), arrays.Take<bool>(rows));
    }

    public int Rows { get; }

    public TextColumn Ticker { get; private set; } = null!;

    public TextColumn Underlying { get; private set; } = null!;

    public TextColumn OptionRight { get; private set; } = null!;

    /// <summary>Days since the Unix epoch.</summary>
    public int[] Expiry { get; }

    public double[] Strike { get; }

    /// <summary>Bar starts, microseconds since the Unix epoch.</summary>
    public long[] Ts { get; }

    public double[] Open { get; }

    public double[] High { get; }

    public double[] Low { get; }

    public double[] Close { get; }

    public long[] Volume { get; }

    public double[] Vwap { get; }

    public bool[] VwapNull { get; }

    public long[] Trades { get; }

    public bool[] TradesNull { get; }

    /// <summary>The file's columns, or null when its layout is not the lake's (or a required column has a NULL).</summary>
    public static OptionBarsFile? Read(string path, DayArrays arrays)
    {
        using var reader = new ParquetFileReader(path);
        using var metadata = reader.FileMetaData;
        if (ParquetColumnLayout.Find(metadata.Schema, Columns) is not { } columns || metadata.NumRows > int.MaxValue) return null;
        var file = new OptionBarsFile((int)metadata.NumRows, arrays);
        var text = new TextReader[3];
        for (var i = 0; i < text.Length; i++) text[i] = new TextReader(arrays.Take<int>(file.Rows), arrays);
        var row = 0;
        for (var group = 0; group < metadata.NumRowGroups; group++)
        {
            using var rowGroup = reader.RowGroup(group);
            var rows = checked((int)rowGroup.MetaData.NumRows);
            var ok = text[0].Read(rowGroup, columns["ticker"], rows)
                && text[1].Read(rowGroup, columns["underlying"], rows)
                && text[2].Read(rowGroup, columns["option_right"], rows)
                && Required(arrays, rowGroup, columns["expiry"], file.Expiry.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["strike"], file.Strike.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["ts"], file.Ts.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["open"], file.Open.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["high"], file.High.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["low"], file.Low.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["close"], file.Close.AsSpan(row, rows))
                && Required(arrays, rowGroup, columns["volume"], file.Volume.AsSpan(row, rows));
            if (!ok) return null;
            Nullable(arrays, rowGroup, columns["vwap"], file.Vwap.AsSpan(row, rows), file.VwapNull.AsSpan(row, rows));
            Nullable(arrays, rowGroup, columns["trades"], file.Trades.AsSpan(row, rows), file.TradesNull.AsSpan(row, rows));
            row += rows;
        }
        file.Ticker = text[0].Column;
        file.Underlying = text[1].Column;
        file.OptionRight = text[2].Column;
        return file;
    }

    /// <summary>A text column as one id per row into its distinct UTF-8 values, in order of first appearance.</summary>
    public sealed record TextColumn(int[] Ids, IReadOnlyList<byte[]> Values);

    /// <summary>The columns read, with the lake's physical and logical types.</summary>
    private static readonly ParquetColumnLayout.Expected[] Columns =
    [
        ParquetColumnLayout.Text("ticker"), ParquetColumnLayout.Text("underlying"), ParquetColumnLayout.Date("expiry"),
        ParquetColumnLayout.Text("option_right"), ParquetColumnLayout.Double("strike"), ParquetColumnLayout.Instant("ts"),
        ParquetColumnLayout.Double("open"), ParquetColumnLayout.Double("high"), ParquetColumnLayout.Double("low"),
        ParquetColumnLayout.Double("close"), ParquetColumnLayout.Long("volume"), ParquetColumnLayout.Double("vwap"),
        ParquetColumnLayout.Long("trades"),
    ];

    /// <summary>Reads a column with no NULLs into <paramref name="values"/>; false when it has one.</summary>
    private static bool Required<T>(DayArrays arrays, RowGroupReader rowGroup, int column, Span<T> values) where T : unmanaged
    {
        using var reader = (ColumnReader<T>)rowGroup.Column(column);
        var levels = arrays.Take<short>(values.Length);
        var done = 0;
        while (done < values.Length)
        {
            var read = (int)reader.ReadBatch(values.Length - done, levels.AsSpan(done), default, values[done..], out var present);
            if (read == 0 || present != read) return false;
            done += read;
        }
        return true;
    }

    /// <summary>Reads a column that may hold NULLs: values land in their rows, a NULL row gets default and its flag.</summary>
    private static void Nullable<T>(DayArrays arrays, RowGroupReader rowGroup, int column, Span<T> values, Span<bool> isNull) where T : unmanaged
    {
        if (rowGroup.MetaData.Schema.Column(column).MaxDefinitionLevel == 0)
        {
            // Declared REQUIRED (another writer's file): no definition levels are stored, and no row is NULL.
            isNull.Clear();
            if (!Required(arrays, rowGroup, column, values)) throw new InvalidDataException($"option bars: column {column} ended early");
            return;
        }
        using var reader = (ColumnReader<T>)rowGroup.Column(column);
        var levels = arrays.Take<short>(values.Length);
        var packed = arrays.Take<T>(values.Length);
        var done = 0;
        var count = 0;
        while (done < values.Length)
        {
            var read = (int)reader.ReadBatch(values.Length - done, levels.AsSpan(done), default, packed.AsSpan(count), out var present);
            if (read == 0) throw new InvalidDataException($"option bars: column {column} ended early");
            done += read;
            count += (int)present;
        }
        var next = 0;
        for (var i = 0; i < values.Length; i++)
        {
            isNull[i] = levels[i] == 0;
            values[i] = isNull[i] ? default : packed[next++];
        }
    }

    /// <summary>Turns a text column's values into ids, reusing the id of the previous value when its bytes sit at the same address.</summary>
    private sealed class TextReader(int[] ids, DayArrays arrays)
    {
        private readonly int[] _ids = ids;
        private readonly List<byte[]> _values = [];
        private readonly Dictionary<byte[], int> _idOf = new(ByteArrayComparer.Instance);
        private int _row;

        public TextColumn Column => new(_ids, _values);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Read(RowGroupReader rowGroup, int column, int rows)
        {
            using var reader = (ColumnReader<ByteArray>)rowGroup.Column(column);
            var levels = arrays.Take<short>(rows);
            var values = arrays.Take<ByteArray>(rows);
            var done = 0;
            while (done < rows)
            {
                var read = (int)reader.ReadBatch(rows - done, levels.AsSpan(0, rows - done), default, values.AsSpan(0, rows - done), out var present);
                if (read == 0 || present != read) return false;
                // The bytes behind a batch's values are only valid until the next call: ids are taken now.
                var lastPointer = IntPtr.Zero;
                var lastLength = -1;
                var lastId = -1;
                for (var i = 0; i < read; i++)
                {
                    var value = values[i];
                    if (value.Pointer != lastPointer || value.Length != lastLength)
                    {
                        (lastPointer, lastLength, lastId) = (value.Pointer, value.Length, IdOf(value));
                    }
                    _ids[_row++] = lastId;
                }
                done += read;
            }
            return true;
        }

        private int IdOf(ByteArray value)
        {
            var bytes = new byte[value.Length];
            if (value.Length > 0) Marshal.Copy(value.Pointer, bytes, 0, value.Length);
            if (_idOf.TryGetValue(bytes, out var id)) return id;
            _idOf.Add(bytes, _values.Count);
            _values.Add(bytes);
            return _values.Count - 1;
        }
    }

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
