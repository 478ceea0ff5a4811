namespace Spx.Research.Polygon.Rest;

/// <summary>
/// A 200 whose body is not the JSON we expect (truncated, retyped field, wrong shape). It names the endpoint and
/// where the reader stopped, so a schema drift can be found in a recorded body without a debugger.
/// </summary>
public sealed class PolygonDecodeException(string message, string endpoint, string? jsonPath, long? byteOffset, string? requestId, Exception? innerException)
    : PolygonApiException(message, endpoint, 200, requestId, null, innerException)
{
    /// <summary>JSON path of the failing value, e.g. <c>$.results[3].t</c>, when known.</summary>
    public string? JsonPath { get; } = jsonPath;

    /// <summary>Byte offset in the line where the reader stopped, when known (bodies are usually one line).</summary>
    public long? ByteOffset { get; } = byteOffset;
}
