namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Everything a <see cref="PolygonStreamClient"/> needs. Only <see cref="BaseUri"/> differs between the live
/// feed, the delayed feed and the local simulator (any <c>ws://</c> base), so tests and demos run the real
/// client code. <see cref="object.ToString"/> is safe to print: the key shows as <c>ApiKey(***)</c>.
/// </summary>
public sealed record PolygonStreamOptions
{
    /// <summary>The real-time feed.</summary>
    public static Uri RealTime { get; } = new("wss://socket.massive.com");

    /// <summary>The 15-minute delayed feed, for delayed plans.</summary>
    public static Uri Delayed { get; } = new("wss://delayed.massive.com");

    /// <summary>The key, sent only in the auth message.</summary>
    public required ApiKey ApiKey { get; init; }

    /// <summary>Scheme and host (and optional path prefix); the cluster's path is appended.</summary>
    public Uri BaseUri { get; init; } = RealTime;

    /// <summary>Which cluster to connect to.</summary>
    public StreamCluster Cluster { get; init; } = StreamCluster.Stocks;

    /// <summary>Reconnect limit and backoff.</summary>
    public StreamReconnectPolicy Reconnect { get; init; } = StreamReconnectPolicy.Default;

    /// <summary>Events buffered between the receive loop and the consumer.</summary>
    public int ChannelCapacity { get; init; } = 10_000;

    /// <summary>What happens when the buffer is full; see <see cref="StreamBackPressure"/>.</summary>
    public StreamBackPressure BackPressure { get; init; } = StreamBackPressure.Wait;

    /// <summary>
    /// Deliver each aggregate once even when the server repeats it (a duplicated frame, or the replay after a
    /// reconnect); repeats are counted in <see cref="StreamStatistics.DuplicatesDropped"/>. On by default.
    /// </summary>
    public bool DropDuplicates { get; init; } = true;

    /// <summary>The default of <see cref="HandshakeTimeout"/>.</summary>
    public static TimeSpan DefaultHandshakeTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the connect + auth handshake may take.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = DefaultHandshakeTimeout;

    /// <summary>How long a subscribe/unsubscribe waits for the per-topic replies.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message accepted; a larger one is discarded as a decode error instead of exhausting memory.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Called before each reconnect attempt (for logs and the CLI); texts in it are already redacted.</summary>
    public Action<StreamReconnectNotice>? OnReconnectAttempt { get; init; }

    /// <summary>Clock for timeouts and backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The endpoint: <see cref="BaseUri"/> + <c>/</c> + the cluster's path.</summary>
    public Uri Endpoint
    {
        get
        {
            var builder = new UriBuilder(BaseUri);
            builder.Path = builder.Path.TrimEnd('/') + "/" + Cluster.PathSegment();
            return builder.Uri;
        }
    }
}
