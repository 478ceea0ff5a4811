namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// One event from a Polygon/Massive WebSocket frame (every frame is a JSON array of them, possibly of mixed
/// types), or a notice the client itself adds to the stream (a reconnect, a frame it could not decode).
/// Consumers switch on the subtype.
/// </summary>
/// <param name="EventType">The wire <c>ev</c> value (<c>A</c>, <c>AM</c>, <c>V</c>, <c>status</c>, …); client notices use their own names.</param>
public abstract record StreamEvent(string EventType);
