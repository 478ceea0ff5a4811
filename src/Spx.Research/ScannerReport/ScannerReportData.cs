using Spx.Research.Scanning;

namespace Spx.Research.ScannerReport;

/// <summary>Everything one scanner report draws, read from the lake by <see cref="ScannerReportReader"/>.</summary>
public sealed record ScannerReportData
{
    /// <summary>The scan: summary, events (ordered by date, trigger, ticker) and dates.</summary>
    public required MomentumScan Scan { get; init; }

    /// <summary>The underlying's minute closes over the range, bucketed so the page stays small.</summary>
    public required IReadOnlyList<UnderlyingPoint> Underlying { get; init; }

    /// <summary>Minutes per point of <see cref="Underlying"/>.</summary>
    public required int BucketMinutes { get; init; }

    /// <summary>The markers of the events chart: one per event, or past the cap one per time window.</summary>
    public required EventMarkers Markers { get; init; }

    /// <summary>The latest headline before each of the largest events (by max return).</summary>
    public required IReadOnlyList<EventHeadline> Headlines { get; init; }

    /// <summary>Whether the lake has an <c>option_minutes</c> dataset with rows for the underlying in range.</summary>
    public required bool HasOptionMinutes { get; init; }

    /// <summary>The session of the IV surface, or null when there is none to draw.</summary>
    public required DateOnly? SurfaceSession { get; init; }

    /// <summary>The IV surface cells of <see cref="SurfaceSession"/>, by expiry then moneyness.</summary>
    public required IReadOnlyList<SurfaceCell> Surface { get; init; }

    /// <summary>Coverage per date with option bars or consolidated rows, in date order.</summary>
    public required IReadOnlyList<CoverageDay> Coverage { get; init; }
}
