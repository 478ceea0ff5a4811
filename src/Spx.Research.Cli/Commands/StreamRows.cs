using Spx.Research.Cli.Output;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// What <c>spx api stream</c> prints: one row per event, in the order received — the server's status replies
/// (handshake, one per subscribed topic) and its data alike — so each reply appears once, and a typed table
/// that <c>--format</c> writes like any other verb's.
/// </summary>
public sealed class StreamRows
{
    public static IReadOnlyList<string> Columns { get; } =
        ["event", "symbol", "start_utc", "end_utc", "open", "high", "low", "close", "volume", "status", "message"];

    private readonly List<object?[]> _rows = [];

    /// <summary>
    /// Adds the subscription outcomes the server never sent (timeout, cancelled, stream ended); the ones it did
    /// send arrive as status events and are added from the stream.
    /// </summary>
    public void AddUnanswered(IEnumerable<SubscriptionResult> results)
    {
        foreach (var result in results.Where(r => !r.Answered))
            _rows.Add(["subscription", result.Topic, null, null, null, null, null, null, null, result.Status, result.Message]);
    }

    /// <summary>Rows that carry market data (bars and index values), for <c>--count</c>.</summary>
    public int DataRows { get; private set; }

    public void Add(StreamEvent ev)
    {
        if (ev is AggregateEvent or IndexValueEvent) DataRows++;
        _rows.Add(Row(ev));
    }

    private static object?[] Row(StreamEvent ev) => ev switch
    {
        AggregateEvent a => [a.EventType, a.Symbol, a.Start, a.End, a.Open, a.High, a.Low, a.Close, a.Volume, null, null],
        IndexValueEvent v => ["V", v.Ticker, v.Timestamp, null, null, null, null, v.Value, null, null, null],
        StatusEvent s => ["status", null, null, null, null, null, null, null, null, s.Status, s.Message],
        DisconnectNoticeEvent d => ["status", null, null, null, null, null, null, null, null, d.Status, d.Message],
        ReconnectedEvent r => ["reconnected", null, null, null, null, null, null, null, null, $"reconnect {r.Reconnects}", r.Cause],
        DecodeErrorEvent e => ["decode_error", null, null, null, null, null, null, null, null, null, e.Reason],
        UnknownEvent u => [u.EventType, null, null, null, null, null, null, null, null, null, u.RawJson],
        _ => [ev.EventType, null, null, null, null, null, null, null, null, null, null],
    };

    public ResultTable ToTable() => new(Columns, _rows);
}
