using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// The envelope of a list response. A missing or null <c>results</c> means "no data" (aggs omit it on empty
/// days), never an error; <c>status</c> may be OK or DELAYED and is only informative.
/// </summary>
public sealed record PolygonPage<T>
{
    public string? Status { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Absolute URL of the next page; absent on the last page. Only its path and query are followed.</summary>
    public string? NextUrl { get; init; }

    public int? Count { get; init; }

    public IReadOnlyList<T>? Results { get; init; }
}

/// <summary>The envelope of a single-object response (<c>/v3/reference/options/contracts/{ticker}</c>).</summary>
public sealed record PolygonSingle<T>
{
    public string? Status { get; init; }

    public string? RequestId { get; init; }

    public T? Results { get; init; }
}

/// <summary>
/// An error body, parsed leniently: 401s say <c>error</c>, 403 NOT_AUTHORIZED says <c>message</c>, a 429 may
/// have no body at all.
/// </summary>
public sealed record PolygonErrorBody
{
    public string? Status { get; init; }

    public string? RequestId { get; init; }

    public string? Error { get; init; }

    public string? Message { get; init; }

    /// <summary><c>error ?? message</c>.</summary>
    [JsonIgnore]
    public string? Text => string.IsNullOrWhiteSpace(Error) ? string.IsNullOrWhiteSpace(Message) ? null : Message : Error;
}
