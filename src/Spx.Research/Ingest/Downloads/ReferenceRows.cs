using Spx.Research.Ingest.Discovery;
using Spx.Research.Lake;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Downloads;

/// <summary>Contracts, news and the discovery's choice as rows of their datasets.</summary>
public static class ReferenceRows
{
    /// <summary><c>option_contracts</c>: a contract whose type is neither call nor put keeps a NULL right, for validation to report.</summary>
    public static UnitRows Contracts(string underlying, IReadOnlyList<OptionsContract> contracts) => new(FoundationDatasets.OptionContracts.Name, contracts.Count, appender =>
    {
        foreach (var c in contracts)
        {
            appender.CreateRow().AppendValue(c.Ticker).AppendValue(c.UnderlyingTicker ?? underlying).AppendValue(c.ExpirationDate)
                .AppendValue(Right(c.ContractType)).AppendValue(c.StrikePrice).AppendValue(c.ExerciseStyle)
                .AppendValue(c.SharesPerContract is { } s ? (long?)Math.Round(s) : null).AppendValue(c.PrimaryExchange).AppendValue(c.Cfi).EndRow();
        }
    });

    /// <summary><c>news</c>: the first insight's sentiment stands for the article.</summary>
    public static UnitRows News(IReadOnlyList<NewsArticle> articles) => new(FoundationDatasets.News.Name, articles.Count, appender =>
    {
        foreach (var a in articles)
        {
            var insight = a.Insights?.FirstOrDefault();
            appender.CreateRow().AppendValue(a.Id).AppendValue(a.PublishedUtc).AppendValue(a.Tickers ?? []).AppendValue(a.Title)
                .AppendValue(a.Description).AppendValue(a.ArticleUrl).AppendValue(a.Publisher?.Name).AppendValue(a.Author)
                .AppendValue(a.Keywords).AppendValue(insight?.Sentiment).AppendValue(insight?.SentimentReasoning).EndRow();
        }
    });

    /// <summary><c>option_selection</c>: one row per chosen contract, with the open, grid and band it came from.</summary>
    public static UnitRows Selection(ContractSelection selection) => new(IngestDatasets.OptionSelection.Name, selection.Contracts.Count, appender =>
    {
        foreach (var c in selection.Contracts)
        {
            appender.CreateRow().AppendValue(selection.Session).AppendValue(selection.Underlying).AppendValue(c.Ticker).AppendValue(c.Expiry)
                .AppendValue(c.Right.ToString()).AppendValue(c.Strike).AppendValue(selection.Open).AppendValue(selection.Grid!.Step)
                .AppendValue(selection.Low).AppendValue(selection.High).EndRow();
        }
    });

    private static string? Right(string? contractType) => contractType switch
    {
        "call" => "C",
        "put" => "P",
        _ => null,
    };
}
