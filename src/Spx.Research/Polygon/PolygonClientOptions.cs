using System.Threading.RateLimiting;

namespace Spx.Research.Polygon;

/// <summary>
/// Everything a Polygon/Massive client needs. Only <see cref="BaseUri"/> differs between the live API and the
/// local simulator, so tests, demos and fault injection run the real client code path.
/// </summary>
/// <param name="ApiKey">Sent as <c>Authorization: Bearer</c> only; never in a URL.</param>
public sealed record PolygonClientOptions(ApiKey ApiKey)
{
    /// <summary>The live REST API.</summary>
    public static Uri DefaultBaseUri { get; } = new("https://api.massive.com");

    /// <summary>
    /// Scheme, host and port that every request goes to — including pages named by a server's <c>next_url</c>,
    /// whose host is ignored. Any path on it is ignored too: the API's paths are absolute.
    /// </summary>
    public Uri BaseUri { get; init; } = DefaultBaseUri;

    /// <summary>The default of <see cref="RequestTimeout"/>.</summary>
    public static TimeSpan DefaultRequestTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt (a retry gets a fresh one).</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>Retries with exponential backoff and jitter.</summary>
    public RetrySettings Retry { get; init; } = RetrySettings.Default;

    /// <summary>The client-side request budget; the free plan by default.</summary>
    public RatePlan RatePlan { get; init; } = RatePlan.Free;

    /// <summary>
    /// A limiter shared with other clients (one key = one budget). When set it replaces <see cref="RatePlan"/>
    /// and the client does not dispose it.
    /// </summary>
    public RateLimiter? SharedRateLimiter { get; init; }

    /// <summary>Transport override for tests (a fake handler); the client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Clock for backoff delays and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called before each retry (for logs and tests); messages in it are already redacted.</summary>
    public Action<PolygonRetryNotice>? OnRetry { get; init; }

    /// <summary>
    /// Sees each decoded response's raw <c>results</c> (the whole body when it has none), with the endpoint's
    /// name (<c>aggs</c>, <c>contracts</c>, <c>news</c>, … — <see cref="Rest.EndpointNames"/>): a hook for
    /// schema-drift checks (<c>Ingest.Quality.SchemaDriftMonitor</c>). Null, the default, costs nothing.
    /// </summary>
    public Action<string, System.Text.Json.JsonElement>? ResultObserver { get; init; }

    /// <summary>Options from <c>MASSIVE_API_KEY</c> / <c>POLYGON_API_KEY</c>.</summary>
    /// <exception cref="InvalidOperationException">Neither variable is set.</exception>
    public static PolygonClientOptions FromEnvironment() =>
        new(ApiKey.FromEnvironment() ?? throw new InvalidOperationException(
            $"No API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}."));

    /// <summary>Never shows the key.</summary>
    public override string ToString() => $"PolygonClientOptions(BaseUri={BaseUri}, RatePlan={RatePlan}, Timeout={RequestTimeout})";
}
