namespace Spx.Research.Lake;

/// <summary>One partition a purge removed (or, in a dry run, would remove): its files, rows (null when a file is unreadable) and bytes as published.</summary>
public sealed record PurgedPartition(string Dataset, DateOnly Date, int Files, long? Rows, long Bytes)
{
    /// <summary><c>dataset/date=…</c>.</summary>
    public string Name => $"{Dataset}/{LakeLayout.PartitionName(Date)}";
}
