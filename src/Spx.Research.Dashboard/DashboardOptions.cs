using Spx.Research.Configuration;
using Spx.Research.Market;

namespace Spx.Research.Dashboard;

/// <summary>
/// Everything the dashboard needs, handed in by the caller (the CLI builds it from the configuration):
/// it never reads YAML or the environment itself, so a test can point it at a temp lake and a fixed clock.
/// </summary>
public sealed record DashboardOptions
{
    /// <summary>The lake the monitor writes (full path). It may not exist yet: the API answers 503 until it does.</summary>
    public required string LakeRoot { get; init; }

    /// <summary>Address, port and the page's refresh interval.</summary>
    public DashboardSettings Dashboard { get; init; } = new();

    /// <summary>The detector's thresholds, for the enriched view's rule flags.</summary>
    public DetectorSettings Detector { get; init; } = new();

    /// <summary>The poll interval and data delay, for the health check's idea of "late".</summary>
    public MonitorSettings Monitor { get; init; } = new();

    /// <summary>Now, for the health check's lag and market state.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Sessions, early closes and holidays.</summary>
    public NyseCalendar Calendar { get; init; } = NyseCalendar.Default;
}
