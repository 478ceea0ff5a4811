using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// Reads the events of <see cref="MomentumQueries.EventsTable"/> as <see cref="MomentumEventRow"/>s, from DuckDB's
/// chunks read in place (<see cref="DuckDbChunkStream"/>): on a year's 116 k events of 21 columns a call per value, or
/// an Arrow conversion, cost more than the query. Texts are decoded once per run of equal bytes. The rows are put in
/// order here, as <see cref="MomentumQueries.Events"/> orders them: sorting the objects is cheaper than DuckDB sorting
/// the wide rows, and without a sort DuckDB streams the rows while they are read.
/// </summary>
internal static class MomentumEventReader
{
    /// <summary>The columns read, in <see cref="MomentumEventRow"/>'s order, with their types.</summary>
    private static readonly (string Name, DuckDBType Type)[] Columns =
    [
        ("ticker", DuckDBType.Varchar), ("underlying", DuckDBType.Varchar), ("expiry", DuckDBType.Date), ("option_right", DuckDBType.Varchar),
        ("strike", DuckDBType.Double), ("date", DuckDBType.Date), ("trigger_ts", DuckDBType.TimestampTz), ("trigger_hour", DuckDBType.Integer),
        ("last_ts", DuckDBType.TimestampTz), ("duration", DuckDBType.BigInt), ("threshold", DuckDBType.Double), ("reference", DuckDBType.Double),
        ("trigger_close", DuckDBType.Double), ("peak_close", DuckDBType.Double), ("max_return", DuckDBType.Double),
        ("underlying_price", DuckDBType.Double), ("delta", DuckDBType.Double), ("gamma", DuckDBType.Double), ("spot_move", DuckDBType.Double),
        ("explained_move", DuckDBType.Double), ("unexplained_share", DuckDBType.Double),
    ];

    // Columns the dataset's schema requires (the rest, from max_return on, may be NULL).
    private const int FirstNullable = 14;

    /// <summary>Every event, ordered by date, trigger and ticker.</summary>
    public static List<MomentumEventRow> Read(DuckDBConnection connection)
    {
        using var stream = DuckDbChunkStream.Open(connection, $"SELECT {string.Join(", ", Columns.Select(c => c.Name))} FROM {MomentumQueries.EventsTable}");
        for (var i = 0; i < Columns.Length; i++)
        {
            if (stream.Types[i] != Columns[i].Type)
                throw new InvalidOperationException($"momentum scan: event column '{Columns[i].Name}' arrived as {stream.Types[i]}, expected {Columns[i].Type}");
        }
        var events = new List<MomentumEventRow>();
        var texts = new[] { new TextCache(), new TextCache(), new TextCache() };
        while (stream.Next() is { } chunk) Add(chunk, events, texts);
        events.Sort(InOrder);
        return events;
    }

    /// <summary>By date, trigger, then ticker in code point order, which is how DuckDB orders text (<see cref="TextOrder"/>).</summary>
    private static int InOrder(MomentumEventRow a, MomentumEventRow b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        if (byDate != 0) return byDate;
        var byTrigger = a.TriggerTs.UtcTicks.CompareTo(b.TriggerTs.UtcTicks);
        return byTrigger != 0 ? byTrigger : TextOrder.Compare(a.Ticker, b.Ticker);
    }

    private static void Add(DuckDbChunk chunk, List<MomentumEventRow> events, TextCache[] texts)
    {
        for (var column = 0; column < FirstNullable; column++)
        {
            if (chunk.HasNulls(column)) throw new InvalidOperationException($"momentum scan: an event has no {Columns[column].Name}");
        }
        var expiry = chunk.Values<int>(2);
        var date = chunk.Values<int>(5);
        var triggerTs = chunk.Values<long>(6);
        var hour = chunk.Values<int>(7);
        var lastTs = chunk.Values<long>(8);
        var duration = chunk.Values<long>(9);
        for (var i = 0; i < chunk.Length; i++)
        {
            events.Add(new MomentumEventRow(
                texts[0].Get(chunk, 0, i), texts[1].Get(chunk, 1, i), MomentumKernelResult.Day(expiry[i]), texts[2].Get(chunk, 3, i),
                Number(chunk, 4, i), MomentumKernelResult.Day(date[i]), MomentumKernelResult.Instant(triggerTs[i]), hour[i],
                MomentumKernelResult.Instant(lastTs[i]), duration[i], Number(chunk, 10, i), Number(chunk, 11, i),
                Number(chunk, 12, i), Number(chunk, 13, i), Nullable(chunk, 14, i), Nullable(chunk, 15, i), Nullable(chunk, 16, i),
                Nullable(chunk, 17, i), Nullable(chunk, 18, i), Nullable(chunk, 19, i), Nullable(chunk, 20, i)));
        }
    }

    private static double Number(DuckDbChunk chunk, int column, int row) => chunk.Values<double>(column)[row];

    private static double? Nullable(DuckDbChunk chunk, int column, int row) => chunk.IsNull(column, row) ? null : chunk.Values<double>(column)[row];

    /// <summary>The last text decoded from a column, reused while the bytes repeat.</summary>
    private sealed class TextCache
    {
        private byte[] _bytes = [];
        private string? _text;

        public string Get(DuckDbChunk chunk, int column, int row)
        {
            var bytes = chunk.Text(column, row);
            if (_text is null || !bytes.SequenceEqual(_bytes))
            {
                _bytes = bytes.ToArray();
                _text = Encoding.UTF8.GetString(bytes);
            }
            return _text;
        }
    }
}
