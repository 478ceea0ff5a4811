using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// A polled news article as a row of <c>news</c>, partitioned by its publication date. Sentiment is the first
/// insight's (the feed's per-ticker view), as the synthetic writer stores it. An article without an id, title or
/// time still becomes a row: validation quarantines it with the reason instead of it vanishing here.
/// </summary>
public sealed record NewsRow(NewsArticle Article, DateOnly Fallback)
    : BufferedRow(StreamSource.News, StreamSource.News.Dataset, Article.PublishedUtc is { } t ? NewYorkTime.LocalDate(t) : Fallback)
{
    /// <inheritdoc />
    public override void AppendTo(LakeAppender appender)
    {
        var insight = Article.Insights is [var first, ..] ? first : null;
        appender.CreateRow()
            .AppendValue(Article.Id)
            .AppendValue(Article.PublishedUtc)
            .AppendValue(Article.Tickers)
            .AppendValue(Article.Title)
            .AppendValue(Article.Description)
            .AppendValue(Article.ArticleUrl)
            .AppendValue(Article.Publisher?.Name)
            .AppendValue(Article.Author)
            .AppendValue(Article.Keywords)
            .AppendValue(insight?.Sentiment)
            .AppendValue(insight?.SentimentReasoning)
            .EndRow();
    }
}
