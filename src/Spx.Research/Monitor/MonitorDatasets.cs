using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Monitor;

/// <summary>
/// What the put-hedging monitor keeps: every poll of every watched contract, one end-of-day row per
/// contract and session, and the alerts it raised. Instants are UTC; <c>session</c> is the NYSE session
/// the poll belongs to, so "the previous session" is a lookup, not calendar arithmetic.
/// </summary>
public static class MonitorDatasets
{
    private static readonly DatasetColumn[] ContractAndQuote =
    [
        Required("ticker", "VARCHAR"),
        Required("underlying", "VARCHAR"),
        Required("root", "VARCHAR"),
        Required("expiry", "DATE"),
        Required("option_right", "VARCHAR"),
        Required("strike", "DOUBLE"),
        Required("spot", "DOUBLE"),
        Required("day_volume", "BIGINT"),
        Optional("open_interest", "BIGINT"),
        Optional("bid", "DOUBLE"),
        Optional("ask", "DOUBLE"),
        Optional("last_price", "DOUBLE"),
        Optional("day_vwap", "DOUBLE"),
        Optional("iv", "DOUBLE"),
        Optional("delta", "DOUBLE"),
        Optional("gamma", "DOUBLE"),
        Optional("theta", "DOUBLE"),
        Optional("vega", "DOUBLE"),
    ];

    /// <summary>
    /// One row per contract per poll. <c>volume_delta</c> is the day volume since this contract's previous
    /// poll in the same session (the first poll of the session: the whole day volume).
    /// </summary>
    public static DatasetSchema Polls { get; } = new(
        "monitor_polls",
        "SPX/SPXW put-hedging monitor: one row per watched contract per poll, with day volume and its change since the previous poll.",
        [
            Required("poll_ts", "TIMESTAMPTZ"),
            Required("session", "DATE"),
            .. ContractAndQuote,
            Required("volume_delta", "BIGINT"),
        ],
        key: ["poll_ts", "ticker"],
        sessionDateColumn: "poll_ts");

    /// <summary>The last poll of each contract in a session, written at end of day; kept longer than the polls.</summary>
    public static DatasetSchema Daily { get; } = new(
        "monitor_daily",
        "SPX/SPXW put-hedging monitor: each contract's last poll of the session.",
        [
            Required("session", "DATE"),
            Required("poll_ts", "TIMESTAMPTZ"),
            .. ContractAndQuote,
        ],
        key: ["session", "ticker"],
        sessionDateColumn: "poll_ts");

    /// <summary>
    /// Unusual hedging found by a rule. <c>comparison_source</c> says which fallback gave the comparison
    /// volume (<c>aligned</c>, <c>previous_eod</c>, <c>previous_latest</c>, <c>earlier_eod</c>, <c>none</c>).
    /// </summary>
    public static DatasetSchema Alerts { get; } = new(
        "alerts",
        "Unusual-hedging alerts: rule, contract, the values that fired it and where the comparison came from.",
        [
            Required("poll_ts", "TIMESTAMPTZ"),
            Required("session", "DATE"),
            Required("rule", "VARCHAR"),
            Required("ticker", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("strike", "DOUBLE"),
            Required("spot", "DOUBLE"),
            Required("day_volume", "BIGINT"),
            Required("volume_delta", "BIGINT"),
            Optional("comparison_volume", "BIGINT"),
            Required("comparison_source", "VARCHAR"),
            Optional("premium", "DOUBLE"),
            Required("message", "VARCHAR"),
        ],
        key: ["session", "ticker", "rule"],
        sessionDateColumn: "poll_ts");

    /// <summary>All monitor datasets.</summary>
    public static IReadOnlyList<DatasetSchema> All { get; } = [Polls, Daily, Alerts];
}
