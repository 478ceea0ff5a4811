namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A per-second (<c>A</c>) or per-minute (<c>AM</c>) aggregate for a stock, an option (<c>O:…</c>) or an
/// index (<c>I:…</c>). Index aggregates carry no volume and no VWAP, so those fields are nullable rather than
/// zero: a zero volume would be a lie a consolidation could sum.
/// </summary>
/// <param name="EventType"><c>A</c> or <c>AM</c>.</param>
/// <param name="Symbol">The wire <c>sym</c>.</param>
/// <param name="Volume"><c>v</c>: volume in the window; null for indices.</param>
/// <param name="AccumulatedVolume"><c>av</c>: volume so far today; null for indices.</param>
/// <param name="OfficialOpen"><c>op</c>: today's official open, when sent.</param>
/// <param name="Vwap"><c>vw</c>: the window's volume-weighted average price; null for indices.</param>
/// <param name="DayVwap"><c>a</c>: today's volume-weighted average price; null for indices.</param>
/// <param name="Open"><c>o</c>.</param>
/// <param name="High"><c>h</c>.</param>
/// <param name="Low"><c>l</c>.</param>
/// <param name="Close"><c>c</c>.</param>
/// <param name="AverageTradeSize"><c>z</c>; null when not sent.</param>
/// <param name="Start"><c>s</c>: window start (the wire sends Unix milliseconds).</param>
/// <param name="End"><c>e</c>: window end (Unix milliseconds; equal to the start for index per-second aggregates).</param>
/// <param name="Otc"><c>otc</c>: only ever sent when true.</param>
public sealed record AggregateEvent(
    string EventType,
    string Symbol,
    long? Volume,
    long? AccumulatedVolume,
    double? OfficialOpen,
    double? Vwap,
    double? DayVwap,
    double Open,
    double High,
    double Low,
    double Close,
    double? AverageTradeSize,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool Otc) : StreamEvent(EventType)
{
    /// <summary>True for <c>AM</c> (minute) aggregates, false for <c>A</c> (second).</summary>
    public bool IsMinute => EventType == "AM";
}
