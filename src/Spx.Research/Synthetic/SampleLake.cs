using Spx.Research.Lake;

namespace Spx.Research.Synthetic;

/// <summary>
/// The bundled sample lake (<c>data-samples/lake</c>): two synthetic weeks, 2025-03-03 to 2025-03-14, sample
/// profile, seed 211 — chosen because its weeks hold a hedging episode with no aftermath, a larger one
/// followed by a ~6% drawdown inside the range, and sharp SPY moves in both directions.
/// </summary>
public static class SampleLake
{
    /// <summary>First session.</summary>
    public static DateOnly From { get; } = new(2025, 3, 3);

    /// <summary>Last session.</summary>
    public static DateOnly To { get; } = new(2025, 3, 14);

    /// <summary>The seed.</summary>
    public const long Seed = 211;

    /// <summary>Where the sample lives, relative to the repository root.</summary>
    public static string RelativePath { get; } = Path.Combine("data-samples", "lake");

    /// <summary>The options that make the sample.</summary>
    public static SyntheticMarketOptions Options { get; } = new() { Seed = Seed, Profile = SyntheticProfile.Sample };

    /// <summary>
    /// Generates the sample and exports it as a plain tree (no version links, so it commits and checks out
    /// anywhere) to <paramref name="target"/>; the same bytes every time. Returns the rows written.
    /// </summary>
    public static long Build(string target, IProgress<GenerationProgress>? progress = null)
    {
        var scratch = Directory.CreateTempSubdirectory("spx-sample-lake-").FullName;
        try
        {
            var rows = SyntheticLakeWriter.Generate(new SyntheticMarket(Options), From, To, scratch, progress);
            LakeExport.ToPlainTree(new LakeLayout(scratch), target);
            return rows;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The sample lake of the repository that contains <paramref name="start"/> (walking up), or null.</summary>
    public static string? Find(string? start = null)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start ?? Directory.GetCurrentDirectory())); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, RelativePath);
            if (Directory.Exists(candidate)) return candidate;
        }

        return null;
    }
}
