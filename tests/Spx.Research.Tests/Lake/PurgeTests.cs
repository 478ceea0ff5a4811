using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Tests.Lake;

/// <summary>LakePurge on real lake files: what goes, what stays, what readers see, and datasets it refuses.</summary>
public sealed class PurgeTests : IDisposable
{
    private static readonly DateOnly[] Days = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4), new(2024, 1, 5)];
    private readonly TempLake _lake = new();

    public PurgeTests()
    {
        using var writer = _lake.Writer();
        for (var i = 0; i < Days.Length; i++) writer.ReplacePartition("stock_bars_1m", Days[i], LakeSource.FromSql(TempLake.Bars(0, 10 + i, day: Days[i])));
    }

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Partitions_before_the_date_go_the_date_itself_and_later_stay_readable()
    {
        var keptFiles = Days[2..].SelectMany(d => _lake.Layout.PartitionFiles("stock_bars_1m", d)).Select(File.ReadAllBytes).ToArray();
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);

        var removed = purge.Run("stock_bars_1m", Days[2]);

        Assert.Equal([(Days[0], 10L), (Days[1], 11L)], removed.Select(p => (p.Date, p.Rows!.Value)));
        Assert.All(removed, p => Assert.True(p.Files == 1 && p.Bytes > 0, p.Name));
        Assert.Equal(Days[2..], _lake.Layout.Partitions("stock_bars_1m"));
        using var session = _lake.Session();
        Assert.Equal(12L + 13L, session.Scalar<long>("SELECT count(*) FROM stock_bars_1m"));
        Assert.Equal(keptFiles, Days[2..].SelectMany(d => _lake.Layout.PartitionFiles("stock_bars_1m", d)).Select(File.ReadAllBytes));
    }

    [Fact]
    public void A_dry_run_plans_the_same_partitions_and_removes_nothing()
    {
        var before = _lake.Snapshot("stock_bars_1m");
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);

        var plan = purge.Plan("stock_bars_1m", Days[3]);

        Assert.Equal(Days[..3], plan.Select(p => p.Date));
        Assert.Equal(before, _lake.Snapshot("stock_bars_1m"));
        Assert.Equal(plan, purge.Run("stock_bars_1m", Days[3]));
    }

    [Fact]
    public void A_second_purge_finds_nothing_to_remove()
    {
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);
        purge.Run("stock_bars_1m", Days[2]);

        Assert.Empty(purge.Run("stock_bars_1m", Days[2]));
        Assert.Equal(Days[2..], _lake.Layout.Partitions("stock_bars_1m"));
    }

    [Fact]
    public void A_session_opened_before_the_purge_still_reads_its_snapshot_within_the_grace_period()
    {
        using var reader = _lake.Session();
        Assert.Equal(46L, reader.Connection.ExecuteScalar<long>("SELECT count(*) FROM stock_bars_1m"));
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);

        purge.Run("stock_bars_1m", Days[3]);

        // Retired versions stay for the grace period: the old snapshot's files still read.
        Assert.Equal(46L, reader.Connection.ExecuteScalar<long>("SELECT count(*) FROM stock_bars_1m"));
        Assert.Equal(13L, reader.Scalar<long>("SELECT count(*) FROM stock_bars_1m"));
    }

    [Fact]
    public void A_damaged_partition_is_purged_with_its_rows_unknown()
    {
        var file = _lake.Layout.PartitionFiles("stock_bars_1m", Days[0]).Single();
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..40]);
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);

        var removed = purge.Run("stock_bars_1m", Days[1]);

        Assert.Equal((Days[0], (long?)null, 40L), (removed.Single().Date, removed.Single().Rows, removed.Single().Bytes));
        Assert.Equal(Days[1..], _lake.Layout.Partitions("stock_bars_1m"));
    }

    [Fact]
    public void An_unknown_dataset_is_refused_naming_the_known_ones()
    {
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);

        var refusal = purge.Refusal("bars");

        Assert.StartsWith("unknown dataset 'bars': expected one of stock_bars_1s, stock_bars_1m,", refusal, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => purge.Run("bars", Days[3]));
    }

    [Fact]
    public void A_dataset_folder_holding_other_than_date_partitions_is_refused_and_left_alone()
    {
        var other = Path.Combine(_lake.Layout.DatasetDirectory("stock_bars_1m"), "ticker=SPY");
        Directory.CreateDirectory(other);
        var before = _lake.Snapshot("stock_bars_1m");
        using var purge = new LakePurge(_lake.Layout, DatasetRegistry.Default);

        var error = Assert.Throws<ArgumentException>(() => purge.Run("stock_bars_1m", Days[3]));

        Assert.StartsWith($"dataset 'stock_bars_1m' is not date-partitioned: {_lake.Layout.DatasetDirectory("stock_bars_1m")} holds 'ticker=SPY'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _lake.Snapshot("stock_bars_1m"));
    }

    /// <summary>Each rule's first kept day, counted back from 2025-03-10 (a Monday): days for lake.retention, the monitor's own rules for its datasets.</summary>
    [Fact]
    public void Retention_cutoffs_come_from_lake_retention_and_the_monitor_settings()
    {
        var settings = new SpxSettings
        {
            Lake = new LakeSettings { Retention = [new RetentionRule("stock_bars_1s") { Keep = TimeSpan.FromDays(90) }] },
            Monitor = new MonitorSettings { IntradayRetentionSessions = 3, DailyRetentionDays = 60 },
        };

        var cutoffs = LakePurge.RetentionCutoffs(settings, new DateOnly(2025, 3, 10), NyseCalendar.Default);

        Assert.Equal(
            [("stock_bars_1s", new DateOnly(2024, 12, 10)), ("monitor_polls", new DateOnly(2025, 3, 6)), ("monitor_daily", new DateOnly(2025, 1, 9))],
            cutoffs);
    }
}
