namespace Spx.Research.Polygon.Rest;

/// <summary>One article from <c>/v2/reference/news</c>, with per-ticker sentiment when the server has it.</summary>
public sealed record NewsArticle
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? PublishedUtc { get; init; }

    public string? ArticleUrl { get; init; }

    public string? AmpUrl { get; init; }

    public string? ImageUrl { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Tickers { get; init; }

    public IReadOnlyList<string>? Keywords { get; init; }

    public NewsPublisher? Publisher { get; init; }

    public IReadOnlyList<NewsInsight>? Insights { get; init; }
}

/// <summary>Who published a <see cref="NewsArticle"/>.</summary>
public sealed record NewsPublisher
{
    public string? Name { get; init; }

    public string? HomepageUrl { get; init; }

    public string? LogoUrl { get; init; }

    public string? FaviconUrl { get; init; }
}

/// <summary>The server's reading of an article for one ticker.</summary>
public sealed record NewsInsight
{
    public string? Ticker { get; init; }

    /// <summary>positive, neutral or negative.</summary>
    public string? Sentiment { get; init; }

    public string? SentimentReasoning { get; init; }
}
