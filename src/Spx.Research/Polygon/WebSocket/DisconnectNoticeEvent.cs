namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The server announced it is closing this connection (<c>max_connections</c>, <c>force_disconnect</c>,
/// <c>slow_consumer</c>). Delivered to the consumer like any event; the client also acts on it, reconnecting
/// or stopping as <see cref="StreamReconnectPolicy"/> says.
/// </summary>
/// <param name="Reason">The announced reason.</param>
/// <param name="Status">The wire <c>status</c>.</param>
/// <param name="Message">The wire <c>message</c> (empty when absent).</param>
public sealed record DisconnectNoticeEvent(DisconnectReason Reason, string Status, string Message) : StreamEvent("status");
