using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using DuckDB.NET.Data;

namespace Spx.Research.Scanning;

/// <summary>
/// Reads the events of <see cref="MomentumQueries.EventsTable"/> as <see cref="MomentumEventRow"/>s, from DuckDB's
/// Arrow batches: typed arrays instead of a call per value, which on a year's 116 k events of 21 columns cost more
/// than the query. The few distinct underlyings and rights are decoded once each. The rows are put in order here, as
/// <see cref="MomentumQueries.Events"/> orders them: sorting the objects is cheaper than DuckDB sorting the wide rows,
/// and without a sort DuckDB streams the rows while they are read.
/// </summary>
internal static class MomentumEventReader
{
    /// <summary>The columns read, in <see cref="MomentumEventRow"/>'s order.</summary>
    private const string Columns =
        "ticker, underlying, expiry, option_right, strike, date, trigger_ts, trigger_hour, last_ts, duration, threshold, reference, " +
        "trigger_close, peak_close, max_return, underlying_price, delta, gamma, spot_move, explained_move, unexplained_share";

    /// <summary>Every event, ordered by date, trigger and ticker.</summary>
    public static List<MomentumEventRow> Read(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM {MomentumQueries.EventsTable}";
        command.UseStreamingMode = true;
        using var stream = command.ExecuteArrowStream();
        var events = new List<MomentumEventRow>();
        var underlyings = new TextCache();
        var rights = new TextCache();
        // The stream is DuckDB's, in memory: ReadNextRecordBatchAsync completes synchronously.
        while (stream.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch) Add(batch, events, underlyings, rights);
        }
        events.Sort(InOrder);
        return events;
    }

    /// <summary>By date, trigger, then ticker in code point order, which is how DuckDB orders text (UTF-8 bytes).</summary>
    private static int InOrder(MomentumEventRow a, MomentumEventRow b)
    {
        var byDate = a.Date.CompareTo(b.Date);
        if (byDate != 0) return byDate;
        var byTrigger = a.TriggerTs.UtcTicks.CompareTo(b.TriggerTs.UtcTicks);
        return byTrigger != 0 ? byTrigger : CodePointOrder(a.Ticker, b.Ticker);
    }

    private static int CodePointOrder(string a, string b)
    {
        using var left = a.EnumerateRunes();
        using var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight) return hasLeft.CompareTo(hasRight);
            var byRune = left.Current.Value.CompareTo(right.Current.Value);
            if (byRune != 0) return byRune;
        }
    }

    private static void Add(RecordBatch batch, List<MomentumEventRow> events, TextCache underlyings, TextCache rights)
    {
        var ticker = Column<StringArray>(batch, 0);
        var underlying = Column<StringArray>(batch, 1);
        var expiry = Column<Date32Array>(batch, 2);
        var right = Column<StringArray>(batch, 3);
        var date = Column<Date32Array>(batch, 5);
        var triggerTs = Microseconds(batch, 6);
        var hour = Column<Int32Array>(batch, 7);
        var lastTs = Microseconds(batch, 8);
        var duration = Column<Int64Array>(batch, 9);
        // strike, threshold, reference, trigger_close, peak_close, then the nullable max_return … unexplained_share.
        var numbers = new[] { 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 }.Select(ordinal => Column<DoubleArray>(batch, ordinal)).ToArray();
        for (var i = 0; i < batch.Length; i++)
        {
            events.Add(new MomentumEventRow(
                Required(ticker.GetString(i), batch, 0), Required(underlyings.Get(underlying, i), batch, 1), MomentumKernelResult.Day(Required(expiry.GetValue(i), batch, 2)),
                Required(rights.Get(right, i), batch, 3), Required(numbers[0].GetValue(i), batch, 4), MomentumKernelResult.Day(Required(date.GetValue(i), batch, 5)),
                MomentumKernelResult.Instant(Required(triggerTs.GetValue(i), batch, 6)), Required(hour.GetValue(i), batch, 7),
                MomentumKernelResult.Instant(Required(lastTs.GetValue(i), batch, 8)), Required(duration.GetValue(i), batch, 9),
                Required(numbers[1].GetValue(i), batch, 10), Required(numbers[2].GetValue(i), batch, 11),
                Required(numbers[3].GetValue(i), batch, 12), Required(numbers[4].GetValue(i), batch, 13),
                numbers[5].GetValue(i), numbers[6].GetValue(i), numbers[7].GetValue(i), numbers[8].GetValue(i),
                numbers[9].GetValue(i), numbers[10].GetValue(i), numbers[11].GetValue(i)));
        }
    }

    /// <summary>A value the dataset's schema requires; NULL only in a file from elsewhere, and then the scan says which column.</summary>
    private static T Required<T>(T? value, RecordBatch batch, int ordinal) where T : struct =>
        value ?? throw new InvalidOperationException($"momentum scan: an event has no {batch.Schema.GetFieldByIndex(ordinal).Name}");

    private static string Required(string? value, RecordBatch batch, int ordinal) =>
        value ?? throw new InvalidOperationException($"momentum scan: an event has no {batch.Schema.GetFieldByIndex(ordinal).Name}");

    private static TimestampArray Microseconds(RecordBatch batch, int ordinal)
    {
        var times = Column<TimestampArray>(batch, ordinal);
        return ((TimestampType)times.Data.DataType).Unit == TimeUnit.Microsecond ? times : throw new InvalidOperationException(
            $"momentum scan: column '{batch.Schema.GetFieldByIndex(ordinal).Name}' arrived in {((TimestampType)times.Data.DataType).Unit}, expected microseconds");
    }

    private static T Column<T>(RecordBatch batch, int ordinal) where T : IArrowArray
    {
        var column = batch.Column(ordinal);
        return column is T typed ? typed : throw new InvalidOperationException(
            $"momentum scan: column '{batch.Schema.GetFieldByIndex(ordinal).Name}' arrived as {column.GetType().Name}, expected {typeof(T).Name}");
    }

    /// <summary>The last text decoded from a column, reused while the bytes repeat.</summary>
    private sealed class TextCache
    {
        private byte[] _bytes = [];
        private string? _text;

        public string? Get(StringArray column, int row)
        {
            if (column.IsNull(row)) return null;
            var bytes = column.GetBytes(row);
            if (_text is null || !bytes.SequenceEqual(_bytes))
            {
                _bytes = bytes.ToArray();
                _text = Encoding.UTF8.GetString(bytes);
            }
            return _text;
        }
    }
}
