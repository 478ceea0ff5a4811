using Spx.Research.Scanning;

namespace Spx.Research.ScannerReport;

/// <summary>What one scanner report shows: the momentum scan's options (underlying, threshold, range) and the session whose IV surface is drawn.</summary>
/// <param name="Scan">The scan the report summarises; its range bounds every chart.</param>
/// <param name="Session">The New York date of the IV surface; null takes the last date in range that has <c>option_minutes</c> rows.</param>
/// <param name="MaxEventMarkers">Most markers on the events chart; past it, a marker stands for a time window's events (<see cref="EventMarkers"/>).</param>
public sealed record ScannerReportOptions(MomentumScanOptions Scan, DateOnly? Session = null, int MaxEventMarkers = EventMarkers.DefaultCap);
