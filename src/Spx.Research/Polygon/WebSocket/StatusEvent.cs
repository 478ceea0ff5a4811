namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A <c>status</c> event: the handshake (<c>connected</c>/<c>success</c>, <c>auth_success</c>, <c>auth_failed</c>,
/// <c>auth_timeout</c>) and the per-topic replies to subscribe/unsubscribe. Disconnect announcements are
/// decoded as <see cref="DisconnectNoticeEvent"/> instead, so nobody has to compare strings to notice them.
/// </summary>
/// <param name="Status">The wire <c>status</c>.</param>
/// <param name="Message">The wire <c>message</c> (empty when absent).</param>
public sealed record StatusEvent(string Status, string Message) : StreamEvent("status");
