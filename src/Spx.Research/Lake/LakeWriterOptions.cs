namespace Spx.Research.Lake;

/// <summary>Tuning for a <see cref="LakeWriter"/>; the defaults suit both the monitor and backfills.</summary>
public sealed record LakeWriterOptions
{
    /// <summary>How long a write waits for another writer of the same partition.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a replaced partition version stays on disk before it is deleted: long enough for any
    /// reader still listing it. Deletion happens on a later write of that partition or
    /// <see cref="LakeWriter.CollectGarbage"/>.
    /// </summary>
    public TimeSpan RetiredVersionGrace { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Clock for version names and the grace period.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
