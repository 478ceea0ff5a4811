namespace Spx.Research.Ingest.Jobs;

/// <summary>Where a job is in its life. <see cref="Died"/> is never written: status derives it from a running record whose process is gone.</summary>
public enum JobState
{
    /// <summary>Working; its heartbeat should be recent.</summary>
    Running,

    /// <summary>Done, everything committed.</summary>
    Finished,

    /// <summary>Ended by an error (see the record's message); committed work stays.</summary>
    Failed,

    /// <summary>Ended early on request (<c>spx ingest stop</c>), after committing what it had.</summary>
    Stopped,

    /// <summary>The record says running but its process is gone (killed, crashed, machine restarted).</summary>
    Died,
}
