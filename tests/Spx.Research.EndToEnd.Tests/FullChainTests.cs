using Spx.Research.Lake;
using Spx.Research.Polygon.Rest;
using Spx.Research.Synthetic;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>One full-profile synthetic session (the whole SPX chain), generated once for the class.</summary>
public sealed class FullChainLake : IDisposable
{
    public static readonly DateOnly Day = new(2025, 3, 3);

    public FullChainLake()
    {
        Root = Directory.CreateTempSubdirectory("spx-e2e-full-").FullName;
        SyntheticLakeWriter.Generate(new SyntheticMarket(new SyntheticMarketOptions { Seed = 5, Profile = SyntheticProfile.Full }), Day, Day, Root);
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>A chain snapshot of the full SPX chain through the client: tens of pages, every contract once.</summary>
public sealed class FullChainTests(FullChainLake lake) : IClassFixture<FullChainLake>
{
    [Fact]
    public async Task The_full_spx_chain_arrives_over_many_pages_each_contract_once()
    {
        var (simulator, baseUri) = await Loopback.Start(lake: lake.Root);
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);

        var snapshots = new List<OptionContractSnapshot>();
        await foreach (var s in client.OptionChain("SPX", new OptionChainQuery { Limit = 250 }))
            snapshots.Add(s);

        using var session = LakeSession.Open(lake.Root);
        var expected = session.Scalar<long>($"""
            SELECT count(*) FROM chain_snapshots
            WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM chain_snapshots WHERE snapshot_ts <= TIMESTAMPTZ '{Loopback.Now:O}')
            """);
        Assert.True(snapshots.Count >= 10_000, $"{snapshots.Count} contracts");
        Assert.True(snapshots.Count / 250.0 > 40, $"{Math.Ceiling(snapshots.Count / 250.0)} pages");
        Assert.Equal(expected, snapshots.Count);
        Assert.Equal(snapshots.Count, snapshots.Select(s => s.Details!.Ticker).Distinct().Count());
        Assert.All(snapshots, s => Assert.NotNull(s.UnderlyingAsset?.Level));
    }
}
