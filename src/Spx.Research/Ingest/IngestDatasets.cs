using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Ingest;

/// <summary>The datasets the ingest pipelines add to the foundation ones (docs/ingest.md).</summary>
public static class IngestDatasets
{
    /// <summary>
    /// The options a backfill chose for each session, with what they were chosen from (the open, the grid,
    /// the band's edges), so the choice can be checked later and the same minute bars re-downloaded.
    /// </summary>
    public static DatasetSchema OptionSelection { get; } = new(
        "option_selection",
        "Near-the-money options chosen per session by contract discovery: expiry, right, strike, and the open, grid and band they came from.",
        [
            Required("session", "DATE"),
            Required("underlying", "VARCHAR"),
            Required("ticker", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("option_right", "VARCHAR"),
            Required("strike", "DOUBLE"),
            Required("open_price", "DOUBLE"),
            Required("grid_step", "DOUBLE"),
            Required("band_low", "DOUBLE"),
            Required("band_high", "DOUBLE"),
        ],
        key: ["ticker"],
        sessionDateColumn: "session");

    /// <summary>All ingest datasets, in a stable order.</summary>
    public static IReadOnlyList<DatasetSchema> All { get; } = [OptionSelection];
}
