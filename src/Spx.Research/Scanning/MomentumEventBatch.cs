using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// One date's events as a <see cref="ColumnBatch"/> in <c>momentum_events</c>' columns, for the lake's C# write path
/// (<see cref="LakeWriter.ReplacePartition(string, DateOnly, ColumnBatch)"/>): instants as microseconds since the Unix
/// epoch, the nullable doubles with a NULL mask. The writer sorts the rows by key.
/// </summary>
internal static class MomentumEventBatch
{
    /// <summary>The rows of <paramref name="events"/>, in the dataset's columns.</summary>
    public static ColumnBatch Build(IReadOnlyList<MomentumEventRow> events) => new(
    [
        BatchColumn.Text("ticker", Values(events, e => (string?)e.Ticker)),
        BatchColumn.Text("underlying", Values(events, e => (string?)e.Underlying)),
        BatchColumn.Dates("expiry", Values(events, e => e.Expiry)),
        BatchColumn.Text("option_right", Values(events, e => (string?)e.OptionRight)),
        BatchColumn.Doubles("strike", Values(events, e => e.Strike)),
        BatchColumn.Instants("trigger_ts", Values(events, e => Microseconds(e.TriggerTs))),
        BatchColumn.Integers("trigger_hour", Values(events, e => e.TriggerHour)),
        BatchColumn.Instants("last_ts", Values(events, e => Microseconds(e.LastTs))),
        BatchColumn.Longs("duration", Values(events, e => e.Duration)),
        BatchColumn.Doubles("threshold", Values(events, e => e.Threshold)),
        BatchColumn.Doubles("reference", Values(events, e => e.Reference)),
        BatchColumn.Doubles("trigger_close", Values(events, e => e.TriggerClose)),
        BatchColumn.Doubles("peak_close", Values(events, e => e.PeakClose)),
        Optional("max_return", events, e => e.MaxReturn),
        Optional("underlying_price", events, e => e.UnderlyingPrice),
        Optional("delta", events, e => e.Delta),
        Optional("gamma", events, e => e.Gamma),
        Optional("spot_move", events, e => e.SpotMove),
        Optional("explained_move", events, e => e.ExplainedMove),
        Optional("unexplained_share", events, e => e.UnexplainedShare),
    ]);

    private static long Microseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static T[] Values<T>(IReadOnlyList<MomentumEventRow> events, Func<MomentumEventRow, T> value)
    {
        var values = new T[events.Count];
        for (var i = 0; i < values.Length; i++) values[i] = value(events[i]);
        return values;
    }

    /// <summary>A nullable DOUBLE column; the mask is only made when some row is NULL.</summary>
    private static BatchColumn Optional(string name, IReadOnlyList<MomentumEventRow> events, Func<MomentumEventRow, double?> value)
    {
        var values = new double[events.Count];
        bool[]? isNull = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (value(events[i]) is { } v) values[i] = v;
            else (isNull ??= new bool[values.Length])[i] = true;
        }
        return BatchColumn.Doubles(name, values, isNull);
    }
}
