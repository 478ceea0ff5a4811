namespace Spx.Research.Ingest.Pipeline;

/// <summary>How a backfill ended: its last counters, each unit given up, and each ticker the server had nothing for.</summary>
/// <param name="Failures">One line per unit given up: <c>minutes/SPY/2025-03-05: …</c>.</param>
/// <param name="NoData">One line per requested ticker with no row from any source (<c>QQQ: the server returned no rows …</c>).</param>
public sealed record BackfillReport(BackfillSnapshot Totals, IReadOnlyList<string> Failures, IReadOnlyList<string> NoData, string Checkpoint)
{
    /// <summary>Rows the bar and schema rules sent to the quarantine (<c>LAKE/_quarantine</c>), each with its reason.</summary>
    public long Quarantined { get; init; }

    /// <summary>True when a stop request left units for a later run of the same command.</summary>
    public bool Stopped { get; init; }

    /// <summary>True when every unit is stored and every ticker had data.</summary>
    public bool Complete => Failures.Count == 0 && NoData.Count == 0 && !Stopped;
}
