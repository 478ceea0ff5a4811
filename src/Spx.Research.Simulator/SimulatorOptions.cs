using Spx.Research.Simulator.Faults;
using Spx.Research.Simulator.Generation;

namespace Spx.Research.Simulator;

/// <summary>
/// Everything a simulator run is configured by. Immutable so a test can state its whole setup in one
/// expression and the CLI can build the same thing from flags.
/// </summary>
public sealed record SimulatorOptions
{
    /// <summary>Lake to serve from; null means the bundled sample lake (found by walking up from the current folder).</summary>
    public string? LakeRoot { get; init; }

    /// <summary>The key clients must present (Bearer header, <c>apiKey=</c> query, or WebSocket auth).</summary>
    public string ApiKey { get; init; } = DefaultApiKey;

    /// <summary>The key a simulator accepts unless told otherwise.</summary>
    public const string DefaultApiKey = "sim-key";

    /// <summary>Loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Replay pace for the simulated clock.</summary>
    public ReplaySpeed Speed { get; init; } = ReplaySpeed.RealTime;

    /// <summary>Simulated start instant; null means 10:00 New York time on the lake's first session (after its first 15-minute chain poll).</summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>The wall clock the simulated clock advances on; null is the system clock. A test passes fake time to drive a replay at speed 60 deterministically.</summary>
    public TimeProvider? Wall { get; init; }

    /// <summary>When set, a WebSocket replay stops (and closes the socket normally) this much simulated time after it began.</summary>
    public TimeSpan? ReplayFor { get; init; }

    /// <summary>How long a WebSocket client may take to authenticate before <c>auth_timeout</c> and a close.</summary>
    public TimeSpan AuthTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True to serve snapshots 15 minutes late with <c>timeframe: DELAYED</c>, as delayed plans see them.</summary>
    public bool Delayed { get; init; }

    /// <summary>
    /// Set when <see cref="LakeRoot"/> is still being written (a synthetic market generated on the fly, see
    /// <see cref="SyntheticSource"/>): each request first waits until the sessions its answer reads are written.
    /// Null means the lake is complete.
    /// </summary>
    public LakeFrontier? Frontier { get; init; }

    /// <summary>How long a request (or a replay) waits for a session still being generated before a 503 naming it.</summary>
    public TimeSpan SessionWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Faults switched on by configuration (per-request faults come from the <c>X-Sim-Fault</c> header).</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;
}
