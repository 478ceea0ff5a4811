using Spx.Research.Testing;
using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Synthetic;

/// <summary>The same seed gives the same bytes; a different seed gives a different market.</summary>
public sealed class SyntheticDeterminismTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 10);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-determinism-").FullName;

    [Fact]
    public void Same_seed_writes_identical_files_and_another_seed_does_not()
    {
        var first = Generate("a", seed: 11);
        var second = Generate("b", seed: 11);
        var other = Generate("c", seed: 12);

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, file => Assert.True(file.Value.AsSpan().SequenceEqual(second[file.Key]), $"{file.Key} differs between two runs with seed 11"));
        Assert.Contains(first, file => !other.TryGetValue(file.Key, out var bytes) || !bytes.AsSpan().SequenceEqual(file.Value));
        Assert.NotEqual(Spx(first), Spx(other));
    }

    [Fact]
    public void A_session_is_the_same_whether_generated_alone_or_in_a_longer_run()
    {
        var alone = new SyntheticMarket(new SyntheticMarketOptions { Seed = 5 }).Generate(Day, Day).Single();
        var inRun = new SyntheticMarket(new SyntheticMarketOptions { Seed = 5 }).Generate(Day.AddDays(-7), Day).Last();

        Assert.Equal(alone.Path.Spx, inRun.Path.Spx);
        Assert.Equal(alone.SpySecondBars, inRun.SpySecondBars);
        Assert.Equal(alone.News.Select(n => n.Title), inRun.News.Select(n => n.Title));
    }

    [Fact]
    public void Rewriting_a_range_replaces_partitions_without_duplicating_rows()
    {
        var root = Path.Combine(_root, "twice");
        var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = 3, Profile = SyntheticProfile.Bench });
        var rows = SyntheticLakeWriter.Generate(market, Day, Day, root);
        SyntheticLakeWriter.Generate(market, Day, Day, root);

        using var session = LakeSession.Open(root);
        Assert.Equal(rows, session.Info().Sum(i => i.Rows));
    }

    [Fact]
    public void Cancelling_stops_between_sessions_and_keeps_what_was_written()
    {
        var root = Path.Combine(_root, "cancelled");
        var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = 3, Profile = SyntheticProfile.Bench });
        using var cancel = new CancellationTokenSource();
        var reported = new List<DateOnly>();
        // Progress runs on the writing thread after each session is published, so cancelling there stops the next one.
        var progress = new SyncProgress<GenerationProgress>(p =>
        {
            reported.Add(p.LastDate);
            cancel.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => SyntheticLakeWriter.Generate(market, Day, Day.AddDays(2), root, progress, cancel.Token));

        Assert.Equal([Day], reported);
        Assert.Equal([Day], new LakeLayout(root).Partitions(FoundationDatasets.StockBars1m.Name));
    }

    [Fact]
    public void Ranges_before_the_epoch_or_reversed_are_refused()
    {
        var market = new SyntheticMarket(new SyntheticMarketOptions());
        Assert.Throws<ArgumentOutOfRangeException>(() => market.Generate(new DateOnly(1999, 12, 1), new DateOnly(1999, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => market.Generate(Day, Day.AddDays(-1)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private SortedDictionary<string, byte[]> Generate(string name, long seed)
    {
        var root = Path.Combine(_root, name);
        var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = seed, Profile = SyntheticProfile.Bench });
        SyntheticLakeWriter.Generate(market, Day, Day, root);
        return LakeFiles.Snapshot(root);
    }

    private static byte[] Spx(SortedDictionary<string, byte[]> files) => files.First(f => f.Key.StartsWith("index_bars_1m", StringComparison.Ordinal)).Value;
}
