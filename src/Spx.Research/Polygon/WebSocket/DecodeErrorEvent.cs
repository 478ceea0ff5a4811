namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Something on the wire could not be decoded: a known event missing a required field or carrying a value of
/// the wrong type (only that event is replaced by this notice), or a whole frame that is not a JSON array or
/// not JSON at all (the frame is replaced). Counted in <see cref="StreamStatistics.DecodeErrors"/>; the stream
/// carries on, because one bad frame must not end a day's recording.
/// </summary>
/// <param name="Reason">What was wrong, naming the field or the byte offset.</param>
/// <param name="RawJson">The offending event or frame as text (a frame is cut to its first 4 KiB).</param>
public sealed record DecodeErrorEvent(string Reason, string RawJson) : StreamEvent("decode_error");
