using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The WebSocket base for a REST base URL. The live API's REST host is not its stream host, so the live REST
/// URL means the live feed (real-time or delayed); any other host (the simulator serves both on one port) keeps
/// host and port with <c>http</c> → <c>ws</c>, <c>https</c> → <c>wss</c>.
/// </summary>
public static class StreamEndpoint
{
    /// <summary>The stream base for <paramref name="restBase"/>.</summary>
    /// <exception cref="ArgumentException">Not an http(s) or ws(s) URL.</exception>
    public static Uri For(Uri restBase, bool delayed = false)
    {
        ArgumentNullException.ThrowIfNull(restBase);
        if (restBase.Host == PolygonClientOptions.DefaultBaseUri.Host) return delayed ? PolygonStreamOptions.Delayed : PolygonStreamOptions.RealTime;
        var scheme = restBase.Scheme switch
        {
            "http" or "ws" => "ws",
            "https" or "wss" => "wss",
            _ => throw new ArgumentException($"'{restBase}' is not an http(s) or ws(s) URL", nameof(restBase)),
        };
        return new UriBuilder(restBase) { Scheme = scheme, Port = restBase.IsDefaultPort ? -1 : restBase.Port }.Uri;
    }
}
