namespace Spx.Research.Ingest.Jobs;

/// <summary>How often a running job looks for a stop request and rewrites its record.</summary>
public sealed record JobHandleOptions
{
    /// <summary>Delay between looks at the stop-request file: the longest <c>spx ingest stop</c> waits before the job notices.</summary>
    public TimeSpan StopPoll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the record (heartbeat, metrics, checkpoint) is rewritten.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(30);
}
