using Spx.Research.Lake;
using static Spx.Research.Lake.DatasetColumn;

namespace Spx.Research.Consolidation;

/// <summary>
/// What consolidation keeps (docs/consolidation.md): <see cref="OptionMinutes"/>, one row per option per minute
/// with the market around it and its implied volatility and greeks, and <see cref="OptionForwardReturns"/>, the
/// training step's forward returns. Each partition is one New York date, replaced whole, so a re-run changes nothing.
/// </summary>
public static class ConsolidationDatasets
{
    /// <summary>One row per option bar: the bar, spot, VIX, latest news, moneyness, time, IV and greeks, the early-exercise flag, indicators.</summary>
    public static DatasetSchema OptionMinutes { get; } = new(
        "option_minutes",
        "One row per option per minute: the bar, spot, VIX, news, moneyness, t_years, IV, greeks, early-exercise flag, returns, rolling volume.",
        [
            Required("ticker", "VARCHAR"),
            Required("underlying", "VARCHAR"),
            Required("expiry", "DATE"),
            Required("option_right", "VARCHAR"),
            Required("strike", "DOUBLE"),
            Required("ts", "TIMESTAMPTZ"),
            Required("open", "DOUBLE"),
            Required("high", "DOUBLE"),
            Required("low", "DOUBLE"),
            Required("close", "DOUBLE"),
            Required("volume", "BIGINT"),
            Optional("vwap", "DOUBLE"),
            Optional("trades", "BIGINT"),
            Optional("spot", "DOUBLE"),
            Optional("vix", "DOUBLE"),
            Optional("news_id", "VARCHAR"),
            Optional("news_sentiment", "VARCHAR"),
            Optional("moneyness", "DOUBLE"),
            Required("t_years", "DOUBLE"),
            Required("iv", "DOUBLE"),
            Required("iv_status", "VARCHAR"),
            Required("delta", "DOUBLE"),
            Required("gamma", "DOUBLE"),
            Required("theta_per_day", "DOUBLE"),
            Required("vega_per_point", "DOUBLE"),
            Required("rho_per_point", "DOUBLE"),
            Required("early_exercise", "BOOLEAN"),
            Optional("ret_1m", "DOUBLE"),
            Optional("ret_5m", "DOUBLE"),
            Optional("ret_15m", "DOUBLE"),
            Required("volume_5m", "BIGINT"),
            Required("volume_15m", "BIGINT"),
        ],
        key: ["ticker", "ts"],
        sessionDateColumn: "ts");

    /// <summary>
    /// The training step's labels, long rather than wide so any set of horizons fits one schema: per option minute
    /// and horizon, the first bar of the same contract-day starting at least that many minutes later.
    /// </summary>
    public static DatasetSchema OptionForwardReturns { get; } = new(
        "option_forward_returns",
        "Forward returns of option minutes: per (ticker, ts, horizon) the first bar ≥ horizon minutes later that day.",
        [
            Required("ticker", "VARCHAR"),
            Required("underlying", "VARCHAR"),
            Required("ts", "TIMESTAMPTZ"),
            Required("horizon_minutes", "INTEGER"),
            Required("close", "DOUBLE"),
            Optional("future_ts", "TIMESTAMPTZ"),
            Optional("future_close", "DOUBLE"),
            Optional("forward_return", "DOUBLE"),
        ],
        key: ["ticker", "ts", "horizon_minutes"],
        sessionDateColumn: "ts");

    /// <summary>All consolidation datasets.</summary>
    public static IReadOnlyList<DatasetSchema> All { get; } = [OptionMinutes, OptionForwardReturns];
}
