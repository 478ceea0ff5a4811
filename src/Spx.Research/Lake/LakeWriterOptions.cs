namespace Spx.Research.Lake;

/// <summary>Tuning for a <see cref="LakeWriter"/>; the defaults suit both the monitor and backfills.</summary>
public sealed record LakeWriterOptions
{
    /// <summary>How long a write waits for another writer of the same partition (e.g. a backfill and the monitor).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a replaced partition version stays on disk: the time a <see cref="LakeSession"/> snapshot
    /// stays readable without a refresh. Deleted on a later write of that partition or by
    /// <see cref="LakeWriter.CollectGarbage"/>.
    /// </summary>
    public TimeSpan RetiredVersionGrace { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Null (the default): each write adds its invalid rows to the quarantine as a content-named file. Set: they
    /// replace the partition's quarantine file <c>&lt;name&gt;.parquet</c>, and a write with none removes it, so a writer
    /// that redoes the same piece of work (a backfill unit after a kill) keeps one copy of its rejects, the latest.
    /// </summary>
    public string? QuarantineName { get; init; }

    /// <summary>Clock for version names and the grace period.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Value rules beyond the schema's types and nullability (high ≥ low, a bar inside the session), applied
    /// like them: rejected or quarantined per <see cref="InvalidRows"/>. Set by <c>Ingest.Quality.BarChecks</c>.
    /// </summary>
    internal IRowChecks? Checks { get; init; }
}
