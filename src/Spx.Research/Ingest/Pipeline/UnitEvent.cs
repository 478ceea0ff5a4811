using Spx.Research.Ingest.Units;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>What happened to a unit, in the order the backfill saw it (<see cref="BackfillProgress.Events"/>).</summary>
public enum UnitStage
{
    /// <summary>Its download began (options: discovery, then the contracts' bars).</summary>
    Started,

    /// <summary>Stored and recorded in the checkpoint.</summary>
    Stored,

    /// <summary>The checkpoint already had it, intact.</summary>
    Skipped,

    /// <summary>Given up (one line in the report).</summary>
    Failed,
}

/// <summary>One step of one unit.</summary>
public sealed record UnitEvent(WorkUnit Unit, UnitStage Stage);
