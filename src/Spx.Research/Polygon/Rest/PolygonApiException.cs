namespace Spx.Research.Polygon.Rest;

/// <summary>
/// A Polygon REST call that did not produce data. Subclasses say why (bad key, plan, not found, throttled,
/// server, timeout, undecodable body, looping pages), so callers can tell a normal 403 from an outage without
/// parsing text. Every string in it has been through <see cref="ApiKey.Redact"/>.
/// </summary>
public class PolygonApiException : Exception
{
    public PolygonApiException(string message, string endpoint, int? httpStatus = null, string? requestId = null, string? serverText = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        HttpStatus = httpStatus;
        RequestId = requestId;
        ServerText = serverText;
    }

    /// <summary>HTTP status of the final attempt; null when no response arrived (timeout, connection failure).</summary>
    public int? HttpStatus { get; }

    /// <summary>Request path without query or key, e.g. <c>/v3/snapshot/options/SPX</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The server's <c>request_id</c> (body) or <c>X-Request-Id</c> (header), for support tickets.</summary>
    public string? RequestId { get; }

    /// <summary>The server's own words: <c>error</c>, else <c>message</c>, else the raw body (truncated).</summary>
    public string? ServerText { get; }
}

/// <summary>401 (or a 400 "API Key was not provided"): the key is missing, wrong or disabled.</summary>
public sealed class PolygonAuthenticationException(string message, string endpoint, int? httpStatus, string? requestId, string? serverText)
    : PolygonApiException(message, endpoint, httpStatus, requestId, serverText);

/// <summary>403 NOT_AUTHORIZED: the key is valid but the plan does not include this data (or this time range).</summary>
public sealed class PolygonEntitlementException(string message, string endpoint, int? httpStatus, string? requestId, string? serverText)
    : PolygonApiException(message, endpoint, httpStatus, requestId, serverText);

/// <summary>404: no such ticker, contract or path.</summary>
public sealed class PolygonNotFoundException(string message, string endpoint, int? httpStatus, string? requestId, string? serverText)
    : PolygonApiException(message, endpoint, httpStatus, requestId, serverText);

/// <summary>429 after every retry: the server kept throttling (or the client-side limiter refused a permit).</summary>
public sealed class PolygonThrottledException(string message, string endpoint, int? httpStatus, string? requestId, string? serverText)
    : PolygonApiException(message, endpoint, httpStatus, requestId, serverText);

/// <summary>5xx (or 408) after every retry, or a connection that kept failing: the service is unwell.</summary>
public sealed class PolygonServerException(string message, string endpoint, int? httpStatus, string? requestId, string? serverText, Exception? innerException = null)
    : PolygonApiException(message, endpoint, httpStatus, requestId, serverText, innerException);

/// <summary>Every attempt ran past <see cref="PolygonClientOptions.RequestTimeout"/>.</summary>
public sealed class PolygonTimeoutException(string message, string endpoint, Exception? innerException)
    : PolygonApiException(message, endpoint, null, null, null, innerException);
