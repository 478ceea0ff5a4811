namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// An event whose <c>ev</c> this client does not know (trades, quotes, FMV, a type added next year). Kept with
/// its raw JSON, counted in <see cref="StreamStatistics.UnknownEvents"/>, never a crash: new event types
/// appear on the wire without notice.
/// </summary>
/// <param name="EventType">The wire <c>ev</c> (empty when the object had none).</param>
/// <param name="RawJson">The event object exactly as received.</param>
public sealed record UnknownEvent(string EventType, string RawJson) : StreamEvent(EventType);
