namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The server announced a disconnect that the client does not recover from by reconnecting
/// (<c>max_connections</c>, <c>force_disconnect</c>, or <c>slow_consumer</c> when the policy says so). Ends
/// the event stream.
/// </summary>
public sealed class PolygonStreamDisconnectedException : PolygonStreamException
{
    /// <summary>Creates the exception; <paramref name="serverMessage"/> must already be redacted.</summary>
    public PolygonStreamDisconnectedException(DisconnectReason reason, string serverMessage)
        : base($"the server disconnected the stream: {reason} ({serverMessage})")
    {
        Reason = reason;
        ServerMessage = serverMessage;
    }

    /// <summary>The announced reason.</summary>
    public DisconnectReason Reason { get; }

    /// <summary>The server's message, redacted.</summary>
    public string ServerMessage { get; }
}
