namespace Spx.Research.Polygon.Rest;

/// <summary>Filters of <c>/v2/reference/news</c>.</summary>
public sealed record NewsQuery
{
    /// <summary>Largest page the server serves.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Articles mentioning this ticker.</summary>
    public string? Ticker { get; init; }

    /// <summary>Publication-time window (instants are sent as UTC ISO 8601).</summary>
    public RangeFilter<DateTimeOffset>? PublishedUtc { get; init; }

    public SortOrder? Order { get; init; }

    /// <summary>Page size, 1–1000; the client defaults to 1000.</summary>
    public int? Limit { get; init; } = MaxLimit;

    internal string ToPathAndQuery()
    {
        var query = new QueryBuilder("/v2/reference/news").Add("ticker", Ticker);
        PublishedUtc?.AppendTo(query, "published_utc", t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (Order is { } order) query.Add("order", QueryBuilder.Lower(order));
        query.Add("limit", Limits.Check(Limit, MaxLimit, nameof(Limit)));
        query.Add("sort", "published_utc");
        return query.ToString();
    }
}
