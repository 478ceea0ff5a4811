using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// Where late events go: <c>&lt;dataset&gt;_late</c>, the source dataset's columns plus <c>received_at</c>,
/// partitioned by the bar's own date. A separate dataset (rather than a partition column) keeps the source
/// datasets' schemas and keys untouched, and keeps a finished day free of rows that arrived a day late until
/// someone decides to merge them (docs/streaming.md).
/// </summary>
public static class StreamDatasets
{
    /// <summary>Appended to a source dataset's name.</summary>
    public const string LateSuffix = "_late";

    /// <summary>The late datasets of the streamed bar datasets.</summary>
    public static IReadOnlyList<DatasetSchema> All { get; } =
    [
        Late(FoundationDatasets.StockBars1s),
        Late(FoundationDatasets.StockBars1m),
        Late(FoundationDatasets.IndexBars1m),
        Late(FoundationDatasets.OptionBars1m),
    ];

    private static DatasetSchema Late(DatasetSchema source) => new(
        source.Name + LateSuffix,
        $"Late events of {source.Name} (older than the session being streamed), with when they arrived.",
        [.. source.Columns, Required("received_at", "TIMESTAMPTZ")],
        source.Key,
        source.SessionDateColumn);
}
