using Spx.Research.Lake;
using Spx.Research.Simulation;

namespace Spx.Research.Simulator.Tests;

/// <summary>
/// The range the on-the-fly tests generate (three sessions), and the same range generated one-shot with
/// <see cref="SyntheticLakeWriter"/> directly: what the growing lake must end up serving, row for row.
/// </summary>
public sealed class OnTheFly : IDisposable
{
    public const long Seed = 29;
    public static readonly DateOnly From = new(2025, 3, 3);
    public static readonly DateOnly Middle = new(2025, 3, 4);
    public static readonly DateOnly To = new(2025, 3, 5);

    public OnTheFly()
    {
        OneShot = Directory.CreateTempSubdirectory("spx-onthefly-oneshot-").FullName;
        SyntheticLakeWriter.Generate(new SyntheticMarket(new SyntheticMarketOptions { Seed = Seed, Profile = SimulationProfile.Sample }), From, To, OneShot);
    }

    /// <summary>The one-shot lake.</summary>
    public string OneShot { get; }

    /// <summary>Row count and an order-free hash of every row of <paramref name="dataset"/> in the lake at <paramref name="root"/>.</summary>
    public static (long Rows, string Hash) Fingerprint(string root, string dataset)
    {
        using var session = LakeSession.Open(root);
        return session.Query($"SELECT count(*), CAST(coalesce(sum(hash(t)), 0) AS VARCHAR) FROM {dataset} AS t", r =>
        {
            r.Read();
            return (r.GetInt64(0), r.GetString(1));
        });
    }

    public void Dispose() => Directory.Delete(OneShot, recursive: true);
}
