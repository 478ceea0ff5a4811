namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A frame is not a JSON array of objects, or not valid JSON (truncated, garbage, too deep). This is the only
/// exception <see cref="StreamFrameDecoder"/> throws for bad input, so a caller can reject the frame and go on.
/// </summary>
public sealed class PolygonStreamDecodeException : PolygonStreamException
{
    /// <summary>Creates the exception.</summary>
    public PolygonStreamDecodeException(string message, long byteOffset, Exception? inner = null)
        : base($"undecodable WebSocket frame at byte {byteOffset}: {message}", inner)
    {
        ByteOffset = byteOffset;
    }

    /// <summary>Where in the frame the problem was found.</summary>
    public long ByteOffset { get; }
}
