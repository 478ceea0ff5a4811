using DuckDB.NET.Native;
using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// The columns <see cref="MomentumKernel"/> reads from each <see cref="DuckDbChunk"/> of <see cref="Query"/>, by ordinal,
/// and their types, checked once per stream. The ticker and the terms come as text in DuckDB's own cells, so the
/// kernel compares tickers exactly and takes each contract-day's terms itself: no second pass over the bars.
/// </summary>
internal static class MomentumBarColumns
{
    public const int Date = 0;
    public const int Ticker = 1;
    public const int Ts = 2;
    public const int Open = 3;
    public const int Close = 4;
    public const int Expiry = 5;
    public const int OptionRight = 6;
    public const int Strike = 7;

    private static readonly DuckDBType[] Types =
        [DuckDBType.Date, DuckDBType.Varchar, DuckDBType.TimestampTz, DuckDBType.Double, DuckDBType.Double, DuckDBType.Date, DuckDBType.Varchar, DuckDBType.Double];

    private static readonly string[] Names = ["date", "ticker", "ts", "open", "close", "expiry", "option_right", "strike"];

    /// <summary>
    /// The scanned bars of <paramref name="range"/> in stored order (no ORDER BY), these columns in this order; the filter
    /// is <see cref="MomentumQueries.Filter"/>'s.
    /// </summary>
    public static string Query(MomentumScanOptions options, MomentumDateRange range) =>
        $"SELECT {string.Join(", ", Names)} FROM option_bars_1m WHERE {MomentumQueries.Filter(options)} AND {range.Filter()}";

    /// <summary>Throws unless the stream's columns have the types the kernel reads (a lake file from elsewhere could differ).</summary>
    public static void Check(IReadOnlyList<DuckDBType> types)
    {
        if (types.Count != Types.Length) throw new InvalidOperationException($"momentum scan: the bar query gave {types.Count} columns, expected {Types.Length}");
        for (var i = 0; i < Types.Length; i++)
        {
            if (types[i] != Types[i])
                throw new InvalidOperationException($"momentum scan: option_bars_1m column '{Names[i]}' arrived as {types[i]}, expected {Types[i]}");
        }
    }
}
