namespace Spx.Research.Lake;

/// <summary>What one <see cref="LakeCheck.Run"/> looked at and found.</summary>
/// <param name="Datasets">Datasets with at least one partition.</param>
/// <param name="Partitions">Partitions checked.</param>
/// <param name="Files">Files checked.</param>
/// <param name="Problems">Everything found, by dataset and date, then incomplete sessions.</param>
public sealed record LakeCheckReport(int Datasets, int Partitions, int Files, IReadOnlyList<LakeProblem> Problems)
{
    /// <summary>"checked 80 files in 80 partitions of 8 datasets: no problems".</summary>
    public string Summary =>
        $"checked {Files} file(s) in {Partitions} partition(s) of {Datasets} dataset(s): " +
        (Problems.Count == 0 ? "no problems" : $"{Problems.Count} problem(s)");
}
