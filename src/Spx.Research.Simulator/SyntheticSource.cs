using Spx.Research.Simulation;

namespace Spx.Research.Simulator;

/// <summary>
/// Serving the synthetic market for any seed: generates it into a temporary lake the simulator then serves
/// (deleted on dispose). Generating first keeps one serving path — the lake — for recorded and synthetic data alike.
/// </summary>
public sealed class SyntheticSource : IDisposable
{
    private SyntheticSource(string root) => Root = root;

    /// <summary>The temporary lake.</summary>
    public string Root { get; }

    /// <summary>Generates sessions <paramref name="from"/>..<paramref name="to"/> of the sample-profile market with <paramref name="seed"/>.</summary>
    public static SyntheticSource Generate(long seed, DateOnly from, DateOnly to, IProgress<GenerationProgress>? progress = null)
    {
        var root = Directory.CreateTempSubdirectory("spx-simulator-lake-").FullName;
        try
        {
            SyntheticLakeWriter.Generate(new SyntheticMarket(new SyntheticMarketOptions { Seed = seed, Profile = SimulationProfile.Sample }), from, to, root, progress);
            return new SyntheticSource(root);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}
