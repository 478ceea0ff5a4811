namespace Spx.Research.Polygon;

/// <summary>One retry about to happen: what failed and how long the client waits before the next attempt.</summary>
/// <param name="Endpoint">Request path, without key or query.</param>
/// <param name="Attempt">0 for the first retry.</param>
/// <param name="HttpStatus">Status of the failed attempt, null for timeouts and connection failures.</param>
/// <param name="Delay">The wait before the retry (a server's <c>Retry-After</c> when it sent one).</param>
/// <param name="Reason">Redacted description of the failure.</param>
public sealed record PolygonRetryNotice(string Endpoint, int Attempt, int? HttpStatus, TimeSpan Delay, string Reason);
