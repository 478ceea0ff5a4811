namespace Spx.Research.Synthetic;

/// <summary>A synthetic news article, shaped like Polygon's /v2/reference/news results.</summary>
public sealed record NewsItem(
    string Id,
    DateTimeOffset PublishedUtc,
    IReadOnlyList<string> Tickers,
    string Title,
    string Description,
    string ArticleUrl,
    string Publisher,
    string Author,
    IReadOnlyList<string> Keywords,
    string Sentiment,
    string SentimentReasoning);
