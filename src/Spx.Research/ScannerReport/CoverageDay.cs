namespace Spx.Research.ScannerReport;

/// <summary>
/// Consolidation coverage of one New York date: option bars in <c>option_bars_1m</c> against rows in
/// <c>option_minutes</c> and how many of those have a solved IV. Either dataset may be missing on a date.
/// </summary>
public sealed record CoverageDay(DateOnly Date, long OptionBars, long MinuteRows, long IvSolved)
{
    /// <summary>Rows with a solved IV over all consolidated rows; null when the date has none.</summary>
    public double? SolvedShare => MinuteRows == 0 ? null : (double)IvSolved / MinuteRows;
}
