namespace Spx.Research.Ingest.Pipeline;

/// <summary>How a backfill ended: its last counters and each unit given up, one line each (<c>minutes/SPY/2025-03-05: …</c>).</summary>
public sealed record BackfillReport(BackfillSnapshot Totals, IReadOnlyList<string> Failures, string Checkpoint)
{
    /// <summary>True when every unit is stored.</summary>
    public bool Complete => Failures.Count == 0;
}
