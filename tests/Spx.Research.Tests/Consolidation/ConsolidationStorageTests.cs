using Spx.Research.Consolidation;
using Spx.Research.Lake;
using static Spx.Research.Tests.Consolidation.ConsolidationTestLake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// How consolidation stores: a re-run leaves the partition byte for byte as it was, and a damaged input stops the
/// run with one line naming the file before any partition is published (docs/consolidation.md).
/// </summary>
public sealed class ConsolidationStorageTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private const string Call = "O:SPY250307C00580000";

    private static ConsolidationTestLake TwoDays()
    {
        var lake = new ConsolidationTestLake();
        foreach (var day in new[] { Monday, Tuesday })
        {
            lake.WriteOptionBars(day, Call, new Bar(0, 5.00), new Bar(1, 5.50), new Bar(2, 4.80));
            lake.WriteSpot(day, (TimeSpan.Zero, 580.0), (TimeSpan.FromSeconds(61), 581.0));
        }
        return lake;
    }

    [Fact]
    public void Running_twice_leaves_every_partition_byte_identical()
    {
        using var lake = TwoDays();

        var first = lake.Consolidate(Monday, Tuesday);
        var before = lake.Snapshot("option_minutes");
        var second = lake.Consolidate(Monday, Tuesday);

        Assert.Equal(2, before.Count);
        Assert.All(first, d => Assert.True(d.Write.Changed));
        Assert.All(second, d => Assert.False(d.Write.Changed));
        Assert.Equal(before, lake.Snapshot("option_minutes"));
        Assert.Equal([3, 3], second.Select(d => d.Rows));
    }

    [Fact]
    public void A_truncated_input_partition_is_named_in_one_line_and_nothing_is_published()
    {
        using var lake = TwoDays();
        var damaged = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Tuesday));
        var bytes = File.ReadAllBytes(damaged);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<InvalidDataException>(() => lake.Consolidate(Monday, Tuesday));

        Assert.Contains(damaged, error.Message, StringComparison.Ordinal);
        Assert.Contains("option_bars_1m", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(lake.Layout.Partitions("option_minutes"));
    }

    [Fact]
    public void A_truncated_news_file_stops_the_run_too()
    {
        using var lake = TwoDays();
        lake.WriteNews(Monday, ("n1", At(Monday, TimeSpan.Zero), ["SPY"], "neutral"));
        var damaged = Assert.Single(lake.Layout.PartitionFiles("news", Monday));
        File.WriteAllBytes(damaged, [.. "PAR1"u8, 0, 0]);

        var error = Assert.Throws<InvalidDataException>(() => lake.Consolidate(Monday, Tuesday));

        Assert.Contains(damaged, error.Message, StringComparison.Ordinal);
        Assert.Empty(lake.Layout.Partitions("option_minutes"));
    }

    [Fact]
    public void Another_underlyings_stored_minutes_survive_a_run()
    {
        using var lake = TwoDays();
        lake.Consolidate(Monday, Monday);
        using (var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default))
        {
            // Relabel Monday's row as QQQ's, as if QQQ had been consolidated into the same partition.
            var files = lake.Layout.PartitionFiles("option_minutes", Monday);
            writer.ReplacePartition("option_minutes", Monday, LakeSource.FromSql(
                $"SELECT * EXCLUDE (ticker, underlying), 'O:QQQ' || ticker[6:] AS ticker, 'QQQ' AS underlying FROM read_parquet({SqlText.FileList(files)}, hive_partitioning = false)"));
        }

        lake.Consolidate(Monday, Monday);

        using var session = new LakeSession(lake.Layout, DatasetRegistry.Default);
        var counts = session.Columnar("SELECT underlying, count(*) AS n FROM option_minutes GROUP BY underlying ORDER BY underlying");
        Assert.Equal("QQQ,SPY", string.Join(",", counts.GetStrings("underlying")));
        Assert.Equal([3L, 3L], counts.GetColumn<long>("n"));
    }
}
