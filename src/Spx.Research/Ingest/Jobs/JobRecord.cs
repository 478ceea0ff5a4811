using Spx.Research.Ingest.Quality;

namespace Spx.Research.Ingest.Jobs;

/// <summary>
/// One job's file, <c>LAKE/_state/jobs/&lt;id&gt;.json</c>, rewritten atomically at each heartbeat and at the end,
/// so <c>spx ingest status</c> in another process always reads a whole record.
/// </summary>
public sealed record JobRecord
{
    /// <summary>Unique id: <c>&lt;kind&gt;-&lt;UTC start yyyyMMddTHHmmss&gt;-&lt;pid&gt;</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>What runs: <c>import</c>, <c>backfill</c>, <c>stream</c>, …</summary>
    public string Kind { get; init; } = "";

    /// <summary>The command-line arguments, to tell jobs of one kind apart (never secrets: keys come from the environment).</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Machine the process runs on (a pid means nothing elsewhere).</summary>
    public string Host { get; init; } = "";

    /// <summary>Process id.</summary>
    public int Pid { get; init; }

    /// <summary>The process's own start time, so a reused pid is not taken for the job.</summary>
    public DateTimeOffset? ProcessStartUtc { get; init; }

    /// <summary>When the job registered.</summary>
    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>State as the job last wrote it.</summary>
    public JobState State { get; init; }

    /// <summary>Last sign of life.</summary>
    public DateTimeOffset HeartbeatUtc { get; init; }

    /// <summary>When it finished, failed or stopped.</summary>
    public DateTimeOffset? EndedUtc { get; init; }

    /// <summary>The failure, or how it stopped.</summary>
    public string? Message { get; init; }

    /// <summary>Per-source figures at the last heartbeat.</summary>
    public IReadOnlyList<SourceMetricsSnapshot> Metrics { get; init; } = [];

    /// <summary>One line on how far it got, e.g. <c>2025-03-05 done, 2025-03-06 options 40/112</c>.</summary>
    public string? Checkpoint { get; init; }
}
