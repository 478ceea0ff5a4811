using Spx.Research.Lake;

namespace Spx.Research.Ingest.Downloads;

/// <summary>A unit's downloaded rows, ready to stage: how many, and how to append them to the dataset's columns.</summary>
public sealed record UnitRows(string Dataset, long Count, Action<LakeAppender> Fill)
{
    /// <summary>No rows (a quiet news day, a contract that never traded).</summary>
    public static UnitRows None(string dataset) => new(dataset, 0, _ => { });
}
