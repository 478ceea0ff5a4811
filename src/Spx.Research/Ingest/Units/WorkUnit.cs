using System.Globalization;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Units;

/// <summary>
/// The unit of a backfill: one source, one ticker, one day — downloaded whole, then stored with one atomic
/// partition write, then recorded in the checkpoint (docs/ingest.md, "Checkpoint").
/// </summary>
/// <param name="Ticker">The underlying (<c>SPY</c>), or the index (<c>I:VIX</c>) for index sources.</param>
public sealed record WorkUnit(IngestSource Source, string Ticker, DateOnly Day)
{
    /// <summary>The checkpoint key, also how errors name the unit: <c>minutes/SPY/2025-03-03</c>.</summary>
    public string Key => $"{IngestSources.Name(Source)}/{Ticker}/{Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The dataset the unit writes.</summary>
    public string Dataset => DatasetOf(Source);

    /// <summary>The dataset of a source.</summary>
    public static string DatasetOf(IngestSource source) => source switch
    {
        IngestSource.Seconds => FoundationDatasets.StockBars1s.Name,
        IngestSource.Minutes => FoundationDatasets.StockBars1m.Name,
        IngestSource.Vix or IngestSource.Spx => FoundationDatasets.IndexBars1m.Name,
        IngestSource.News => FoundationDatasets.News.Name,
        IngestSource.Contracts => FoundationDatasets.OptionContracts.Name,
        IngestSource.Options => FoundationDatasets.OptionBars1m.Name,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public override string ToString() => Key;
}
