using System.Runtime.CompilerServices;
using ParquetSharp;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// The <c>option_minutes</c> rows of one partition file at given (ticker, ts) keys, read straight through ParquetSharp
/// for <see cref="ExplainingMinutes"/>: a ticker is decoded once per run of rows pointing at the same dictionary entry,
/// and a row is kept on a set look-up of its time, so no row's text is hashed. On the bench year this step took
/// 0.3–1.0 s of CPU per scan, where DuckDB's semi-join of the 9.45 M option minutes against the keys took 1.8 s
/// (docs/benchmarks.md). Only a file whose columns have the lake's physical types is read this way (<see cref="Find"/>
/// says null otherwise, and the caller asks DuckDB).
/// </summary>
internal static class ExplainingMinutesFile
{
    /// <summary>Rows read per step: small enough for the buffers to stay off the large object heap.</summary>
    private const int Step = 4096;

    /// <summary>
    /// Every row of <paramref name="path"/> whose underlying is <paramref name="underlying"/> and whose ticker and ts
    /// are a key of <paramref name="keys"/> (ticker → bar starts in Unix microseconds), in file order; a key stored
    /// twice gives two rows, as a semi-join does. Null when a column is missing or has another physical type.
    /// </summary>
    /// <exception cref="InvalidDataException">The file cannot be decoded (the message names it).</exception>
    public static List<ExplainingMinute>? Find(string path, string underlying, IReadOnlyDictionary<string, HashSet<long>> keys)
    {
        try
        {
            return Read(path, underlying, keys);
        }
        catch (ParquetException error)
        {
            throw new InvalidDataException($"option_minutes: cannot read {path}: {Reason(error)}", error);
        }
    }

    /// <summary>The native library's own words: its messages come wrapped as "TYPE (message: 'words')".</summary>
    private static string Reason(ParquetException error)
    {
        var text = error.Message.Split('\n')[0];
        var start = text.IndexOf("(message: '", StringComparison.Ordinal);
        return start < 0 ? text : text[(start + "(message: '".Length)..].TrimEnd(')', '\'');
    }

    // Runs a few hundred times per scan: compiled fully optimised at once rather than through the slow first tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<ExplainingMinute>? Read(string path, string underlying, IReadOnlyDictionary<string, HashSet<long>> keys)
    {
        using var reader = new ParquetFileReader(path);
        using var metadata = reader.FileMetaData;
        if (ParquetColumnLayout.Find(metadata.Schema, Columns) is not { } columns) return null;
        var found = new List<ExplainingMinute>();
        var tickers = new TextRuns<HashSet<long>?>(text => keys.GetValueOrDefault(text));
        var owners = new TextRuns<bool>(text => text == underlying);
        for (var group = 0; group < metadata.NumRowGroups; group++)
        {
            using var rowGroup = reader.RowGroup(group);
            using var ticker = new Cursor<ByteArray>(rowGroup, columns["ticker"]);
            using var owner = new Cursor<ByteArray>(rowGroup, columns["underlying"]);
            using var ts = new Cursor<long>(rowGroup, columns["ts"]);
            using var spot = new Cursor<double>(rowGroup, columns["spot"]);
            using var delta = new Cursor<double>(rowGroup, columns["delta"]);
            using var gamma = new Cursor<double>(rowGroup, columns["gamma"]);
            var left = rowGroup.MetaData.NumRows;
            while (left > 0)
            {
                var rows = (int)Math.Min(left, Step);
                left -= rows;
                foreach (var cursor in new ICursor[] { ticker, owner, ts, spot, delta, gamma }) cursor.Next(rows);
                // The bytes behind the texts are only valid until the cursor's next call: each step starts the runs afresh.
                tickers.Reset();
                owners.Reset();
                for (var i = 0; i < rows; i++)
                {
                    if (ticker.IsNull[i] || ts.IsNull[i] || owner.IsNull[i]) continue;
                    if (tickers.Of(ticker.Values[i]) is not { } times || !times.Contains(ts.Values[i]) || !owners.Of(owner.Values[i])) continue;
                    found.Add(new ExplainingMinute(tickers.Text, ts.Values[i], At(spot, i), At(delta, i), At(gamma, i)));
                }
            }
        }
        return found;

        static double? At(Cursor<double> column, int row) => column.IsNull[row] ? null : column.Values[row];
    }

    private static readonly ParquetColumnLayout.Expected[] Columns =
    [
        ParquetColumnLayout.Text("ticker"), ParquetColumnLayout.Text("underlying"), ParquetColumnLayout.Instant("ts"),
        ParquetColumnLayout.Double("spot"), ParquetColumnLayout.Double("delta"), ParquetColumnLayout.Double("gamma"),
    ];

    private interface ICursor
    {
        void Next(int rows);
    }

    /// <summary>
    /// One column of a row group read a step at a time, each row's value in its own slot (a NULL row's slot holds
    /// default and its flag), whether the file declares the column nullable or not.
    /// </summary>
    private sealed class Cursor<T> : ICursor, IDisposable where T : unmanaged
    {
        private readonly ColumnReader<T> _reader;
        private readonly bool _nullable;
        private readonly short[] _levels = new short[Step];
        private readonly T[] _packed = new T[Step];

        public Cursor(RowGroupReader rowGroup, int column)
        {
            _reader = (ColumnReader<T>)rowGroup.Column(column);
            _nullable = _reader.ColumnDescriptor.MaxDefinitionLevel > 0;
        }

        public T[] Values { get; } = new T[Step];

        public bool[] IsNull { get; } = new bool[Step];

        /// <summary>Reads the next <paramref name="rows"/> rows.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Next(int rows)
        {
            var done = 0;
            var count = 0;
            var target = _nullable ? _packed : Values;
            while (done < rows)
            {
                var read = (int)_reader.ReadBatch(rows - done, _levels.AsSpan(done), default, target.AsSpan(count), out var present);
                if (read == 0) throw new InvalidDataException($"option_minutes: column '{_reader.ColumnDescriptor.Name}' ended before its row group");
                done += read;
                count += (int)present;
            }
            if (!_nullable)
            {
                Array.Clear(IsNull, 0, rows);
                return;
            }
            var next = 0;
            for (var i = 0; i < rows; i++)
            {
                IsNull[i] = _levels[i] == 0;
                Values[i] = IsNull[i] ? default : _packed[next++];
            }
        }

        public void Dispose() => _reader.Dispose();
    }

    /// <summary>
    /// What a text means, decoded once per run of rows that point at the same bytes (a dictionary-encoded page points
    /// every repeat of a value at its one dictionary entry). Valid for one step only.
    /// </summary>
    private sealed class TextRuns<TMeaning>(Func<string, TMeaning> meaning)
    {
        private IntPtr _pointer = IntPtr.Zero;
        private int _length = -1;
        private TMeaning _meaning = default!;

        /// <summary>Forgets the last value: its bytes may be gone.</summary>
        public void Reset() => (_pointer, _length) = (IntPtr.Zero, -1);

        /// <summary>The text of the last value looked up.</summary>
        public string Text { get; private set; } = "";

        public TMeaning Of(ByteArray value)
        {
            if (value.Pointer == _pointer && value.Length == _length) return _meaning;
            (_pointer, _length) = (value.Pointer, value.Length);
            Text = value.Length == 0 ? "" : System.Text.Encoding.UTF8.GetString(Bytes(value));
            _meaning = meaning(Text);
            return _meaning;
        }

        private static unsafe ReadOnlySpan<byte> Bytes(ByteArray value) => new((void*)value.Pointer, value.Length);
    }
}

/// <summary>An <c>option_minutes</c> row's explaining columns: ticker, bar start (Unix microseconds), spot, delta, gamma.</summary>
internal readonly record struct ExplainingMinute(string Ticker, long Ts, double? Spot, double? Delta, double? Gamma);
