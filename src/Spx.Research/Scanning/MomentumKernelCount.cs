namespace Spx.Research.Scanning;

/// <summary>
/// One contract-day as <see cref="MomentumKernelQueries.Counts"/> gives it: its ticker and DuckDB's <c>hash(ticker)</c>,
/// its bars and its terms (NULL only in a file that breaks the lake's schema). The date is an Arrow day number, as
/// the kernel's.
/// </summary>
internal sealed record MomentumKernelCount(
    int Date, string Ticker, ulong TickerHash, long Bars, string? Underlying, DateOnly? Expiry, string? OptionRight, double? Strike);
