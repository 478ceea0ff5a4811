using Spx.Research.Lake;

namespace Spx.Research.Consolidation;

/// <summary>
/// The files one day's consolidation reads, listed from the lake's current versions and checked before anything is
/// written: a truncated or damaged input stops the run with one line naming the file, so no partition is published
/// from part of a day (docs/consolidation.md, "Damaged input").
/// </summary>
public sealed record ConsolidationInputs(
    DateOnly Date,
    IReadOnlyList<string> OptionBars,
    IReadOnlyList<string> SecondBars,
    IReadOnlyList<string> IndexBars,
    IReadOnlyList<string> Stored)
{
    /// <summary>The inputs of <paramref name="date"/>; throws <see cref="InvalidDataException"/> naming a damaged file.</summary>
    public static ConsolidationInputs For(LakeLayout lake, DateOnly date) => new(
        date,
        Checked(lake, FoundationDatasets.OptionBars1m.Name, date),
        Checked(lake, FoundationDatasets.StockBars1s.Name, date),
        Checked(lake, FoundationDatasets.IndexBars1m.Name, date),
        Checked(lake, ConsolidationDatasets.OptionMinutes.Name, date));

    /// <summary>The current files of one partition, each with a sound Parquet envelope.</summary>
    public static IReadOnlyList<string> Checked(LakeLayout lake, string dataset, DateOnly date)
    {
        var files = lake.PartitionFiles(dataset, date);
        foreach (var file in files)
        {
            if (ParquetEnvelope.Problem(file) is { } problem)
                throw new InvalidDataException($"{dataset} partition {LakeLayout.PartitionName(date)} cannot be read: {file}: {problem}");
        }
        return files;
    }
}
