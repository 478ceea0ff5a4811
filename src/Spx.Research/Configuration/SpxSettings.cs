namespace Spx.Research.Configuration;

/// <summary>
/// The whole configuration of every pipeline: what <c>spx.yaml</c> holds once loaded, validated and merged
/// with command-line flags. Each section is a small immutable record whose defaults need no file, so a
/// pipeline can be called from a notebook with <c>new SpxSettings()</c> and a test can change one value
/// with <c>with</c>. Secrets are never here: the API key and notification tokens come from the environment.
/// </summary>
public sealed record SpxSettings
{
    /// <summary>Where the Polygon/Massive API is and how hard to call it.</summary>
    public ApiSettings Api { get; init; } = new();

    /// <summary>The lake every pipeline reads and writes.</summary>
    public LakeSettings Lake { get; init; } = new();

    /// <summary>The SPX put-hedging monitor: what it polls, when, and how long it keeps it.</summary>
    public MonitorSettings Monitor { get; init; } = new();

    /// <summary>The unusual-hedging rules and their thresholds.</summary>
    public DetectorSettings Detector { get; init; } = new();

    /// <summary>The monitor's live dashboard.</summary>
    public DashboardSettings Dashboard { get; init; } = new();

    /// <summary>Where alerts are sent, if anywhere.</summary>
    public NotificationSettings Notifications { get; init; } = new();

    /// <summary>Ingest pipelines: imports and data-quality thresholds.</summary>
    public IngestSettings Ingest { get; init; } = new();

    /// <summary>What is logged and where.</summary>
    public LoggingSettings Logging { get; init; } = new();
}
