namespace Spx.Research.Configuration;

/// <summary>Where the dashboard listens. Loopback by default: exposing it is a deliberate choice.</summary>
public sealed record DashboardSettings
{
    /// <summary>The address to bind.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>The port to bind.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>How often the page refreshes itself.</summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(15);
}
