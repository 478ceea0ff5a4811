namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The client lost the connection and made a new one, re-authenticated and re-subscribed. Events the server
/// sent between the drop and the re-subscription are gone, so a recorder should treat this as a possible gap.
/// </summary>
/// <param name="Reconnects">How many reconnects this client has made so far.</param>
/// <param name="Cause">Why the previous connection ended (never contains the key).</param>
public sealed record ReconnectedEvent(int Reconnects, string Cause) : StreamEvent("reconnected");
