using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Scanning;

/// <summary>
/// What the scanners keep. Each partition is one New York date; a scan replaces the dates it covered, for
/// its underlying only, so re-running a scan changes nothing and scanning SPX leaves SPY's events alone.
/// </summary>
/// <remarks>
/// The columns that explain an event by the underlying's move (<c>explained_move</c>, <c>unexplained_share</c>,
/// <c>delta</c>, <c>gamma</c>, <c>spot_move</c>) come from <c>option_minutes</c> (docs/consolidation.md, "Explained
/// move"): nullable, NULL when the day is not consolidated, and read as NULL in files written before them.
/// </remarks>
public static class ScanningDatasets
{
    /// <summary>One row per momentum event: a maximal run of bars closing at least the threshold above the contract-day's first open.</summary>
    public static DatasetSchema MomentumEvents { get; } = new(
        "momentum_events",
        "Momentum scanner events: an option's run of minute bars closing ≥ threshold above its first open of the day.",
        [
            Required("ticker", "VARCHAR"),
            Required("underlying", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("option_right", "VARCHAR"),
            Required("strike", "DOUBLE"),
            Required("trigger_ts", "TIMESTAMPTZ"),
            Required("trigger_hour", "INTEGER"),
            Required("last_ts", "TIMESTAMPTZ"),
            Required("duration", "BIGINT"),
            Required("threshold", "DOUBLE"),
            Required("reference", "DOUBLE"),
            Required("trigger_close", "DOUBLE"),
            Required("peak_close", "DOUBLE"),
            Optional("max_return", "DOUBLE"),
            Optional("underlying_price", "DOUBLE"),
            Optional("delta", "DOUBLE"),
            Optional("gamma", "DOUBLE"),
            Optional("spot_move", "DOUBLE"),
            Optional("explained_move", "DOUBLE"),
            Optional("unexplained_share", "DOUBLE"),
        ],
        key: ["ticker", "trigger_ts"],
        sessionDateColumn: "trigger_ts");

    /// <summary>All scanner datasets.</summary>
    public static IReadOnlyList<DatasetSchema> All { get; } = [MomentumEvents];
}
