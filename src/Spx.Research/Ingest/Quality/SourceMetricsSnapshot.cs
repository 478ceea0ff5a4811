namespace Spx.Research.Ingest.Quality;

/// <summary>One source's figures over the window ending at <paramref name="At"/> (seconds, so the job file stays plain JSON).</summary>
/// <param name="Commits">Commits in the window.</param>
/// <param name="CommitP50Seconds">Median commit latency; null without commits.</param>
/// <param name="RowsPerSecond">Rows committed per second of the window (or of the time since the start, when shorter).</param>
/// <param name="Requests">Requests or messages in the window.</param>
/// <param name="ErrorRate">Failed share of <paramref name="Requests"/>, 0–1.</param>
/// <param name="Warnings">One line per threshold exceeded.</param>
public sealed record SourceMetricsSnapshot(
    string Source,
    DateTimeOffset At,
    int Commits,
    double? CommitP50Seconds,
    double? CommitP95Seconds,
    double? CommitP99Seconds,
    double RowsPerSecond,
    long Requests,
    long Errors,
    double ErrorRate,
    IReadOnlyList<string> Warnings);
