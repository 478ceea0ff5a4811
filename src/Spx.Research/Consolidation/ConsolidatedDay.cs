using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>What consolidating one date did: the option minutes priced and the partition write.</summary>
public sealed record ConsolidatedDay(DateOnly Date, int Rows, LakeWriteResult Write);
