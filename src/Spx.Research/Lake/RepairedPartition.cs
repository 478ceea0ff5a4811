namespace Spx.Research.Lake;

/// <summary>What <see cref="LakeRepair"/> did to one partition.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="Date">The session: its data for this dataset is now incomplete or gone, so it needs regenerating or re-downloading.</param>
/// <param name="Moved">Where the unreadable files now are.</param>
/// <param name="Emptied">True when no readable file was left, so the partition was removed.</param>
public sealed record RepairedPartition(string Dataset, DateOnly Date, IReadOnlyList<string> Moved, bool Emptied);
