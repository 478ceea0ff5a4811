namespace Spx.Research.Scanning;

/// <summary>
/// The SQL beside <see cref="MomentumKernel"/> (docs/scanner.md): one hash aggregation that counts each contract-day's
/// bars and takes its ticker, DuckDB's hash of the ticker and its terms. <see cref="MomentumKernelCheck"/> holds the
/// kernel's blocks against these rows.
/// </summary>
internal static class MomentumKernelQueries
{
    /// <summary>Per scanned contract-day: date, ticker, hash(ticker), bars, underlying, expiry, option_right, strike.</summary>
    public static string Counts(MomentumScanOptions options) => $"""
        SELECT date, ticker, hash(ticker) AS ticker_hash, count(*) AS bars, any_value(underlying) AS underlying,
               any_value(expiry) AS expiry, any_value(option_right) AS option_right, any_value(strike) AS strike
        FROM option_bars_1m
        WHERE {MomentumQueries.Filter(options)}
        GROUP BY ticker, date
        """;
}
