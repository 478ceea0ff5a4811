namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The base of every error the streaming client raises, so a caller can catch the stream's failures in one
/// place. Messages never contain the API key: they are built without it, and anything the server sent back is
/// redacted before it is quoted.
/// </summary>
public class PolygonStreamException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolygonStreamException(string message, Exception? inner = null) : base(message, inner) { }
}
