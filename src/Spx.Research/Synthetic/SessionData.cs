using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>Everything the synthetic market produced for one session, ready to write to the lake.</summary>
public sealed record SessionData(
    MarketSession Session,
    IndexPath Path,
    IReadOnlyList<IndexBar> IndexMinuteBars,
    IReadOnlyList<StockBar> SpySecondBars,
    IReadOnlyList<StockBar> SpyMinuteBars,
    IReadOnlyList<ListedOption> Contracts,
    IReadOnlyList<OptionBar> OptionBars,
    IReadOnlyList<ChainSnapshot> Snapshots,
    IReadOnlyList<NewsItem> News,
    IReadOnlyList<Label> Labels)
{
    /// <summary>The session's date (the lake partition).</summary>
    public DateOnly Date => Session.Date;

    /// <summary>Rows in all feeds.</summary>
    public long Rows => IndexMinuteBars.Count + SpySecondBars.Count + SpyMinuteBars.Count + Contracts.Count
        + OptionBars.Count + Snapshots.Count + News.Count + Labels.Count;
}
