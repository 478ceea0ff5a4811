namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The server refused the key (<c>auth_failed</c>), or waited too long for it (<c>auth_timeout</c>). Never
/// retried: a wrong key or a plan without WebSocket access does not fix itself.
/// </summary>
public sealed class PolygonStreamAuthException : PolygonStreamException
{
    /// <summary>Creates the exception; <paramref name="serverMessage"/> must already be redacted.</summary>
    public PolygonStreamAuthException(string status, string serverMessage)
        : base($"WebSocket authentication failed: {status} ({serverMessage})")
    {
        Status = status;
        ServerMessage = serverMessage;
    }

    /// <summary>The wire status: <c>auth_failed</c> or <c>auth_timeout</c>.</summary>
    public string Status { get; }

    /// <summary>The server's message, redacted.</summary>
    public string ServerMessage { get; }
}
