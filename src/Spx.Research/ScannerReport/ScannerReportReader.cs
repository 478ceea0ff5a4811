using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Scanning;

namespace Spx.Research.ScannerReport;

/// <summary>
/// Reads what a scanner report draws: runs the momentum scan (writing nothing), then the underlying's line,
/// headlines, IV surface and coverage (<see cref="ScannerReportQueries"/>). The work is DuckDB's.
/// </summary>
public static class ScannerReportReader
{
    /// <summary>Most points the underlying's line gets; longer ranges are bucketed into wider steps.</summary>
    public const int MaxUnderlyingPoints = 5000;

    /// <summary>Reads the report's data from <paramref name="lake"/>.</summary>
    /// <exception cref="ArgumentException">The scan options cannot describe a scan (the message names the value).</exception>
    public static ScannerReportData Read(LakeSession lake, ScannerReportOptions options)
    {
        var scanOptions = options.Scan;
        var scan = MomentumScanner.Run(lake, scanOptions);
        var bars = lake.Scalar<long>(ScannerReportQueries.UnderlyingCount(scanOptions));
        var bucket = (int)Math.Max(1, (bars + MaxUnderlyingPoints - 1) / MaxUnderlyingPoints);
        var hasMinutes = lake.Views.Contains(ScannerReportQueries.OptionMinutes)
                         && lake.Scalar<long>(ScannerReportQueries.MinuteRows(scanOptions)) > 0;
        var session = hasMinutes ? options.Session ?? LastSession(lake, scanOptions) : null;
        return new ScannerReportData
        {
            Scan = scan,
            Underlying = lake.Query(ScannerReportQueries.Underlying(scanOptions, bucket), ReadUnderlying),
            BucketMinutes = bucket,
            Markers = EventMarkers.Of(scan.Events, options.MaxEventMarkers),
            Headlines = lake.Run(connection => ReadHeadlines(connection, scanOptions)),
            HasOptionMinutes = hasMinutes,
            SurfaceSession = session,
            Surface = session is { } day ? lake.Query(ScannerReportQueries.Surface(scanOptions, day), ReadSurface) : [],
            Coverage = lake.Query(ScannerReportQueries.Coverage(scanOptions, hasMinutes), ReadCoverage),
        };
    }

    private static DateOnly? LastSession(LakeSession lake, MomentumScanOptions scan) =>
        lake.Query(ScannerReportQueries.LastSurfaceSession(scan), reader =>
            reader.Read() && !reader.IsDBNull(0) ? DateOnly.FromDateTime(reader.GetDateTime(0)) : (DateOnly?)null);

    private static List<UnderlyingPoint> ReadUnderlying(DuckDBDataReader reader)
    {
        var points = new List<UnderlyingPoint>();
        while (reader.Read()) points.Add(new UnderlyingPoint(Instant(reader.GetInt64(0)), reader.GetDouble(1)));
        return points;
    }

    private static List<EventHeadline> ReadHeadlines(DuckDBConnection connection, MomentumScanOptions scan)
    {
        using var reader = connection.ExecuteReader(ScannerReportQueries.Headlines(scan));
        var headlines = new List<EventHeadline>();
        while (reader.Read())
        {
            headlines.Add(new EventHeadline(
                reader.GetString(0), Instant(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : Instant(reader.GetInt64(3))));
        }
        return headlines;
    }

    private static List<SurfaceCell> ReadSurface(DuckDBDataReader reader)
    {
        var cells = new List<SurfaceCell>();
        while (reader.Read()) cells.Add(new SurfaceCell(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetDouble(1), reader.GetDouble(2)));
        return cells;
    }

    private static List<CoverageDay> ReadCoverage(DuckDBDataReader reader)
    {
        var days = new List<CoverageDay>();
        while (reader.Read())
            days.Add(new CoverageDay(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        return days;
    }

    private static DateTimeOffset Instant(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
