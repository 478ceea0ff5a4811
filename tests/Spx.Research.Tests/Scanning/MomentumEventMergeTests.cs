using Spx.Research.Lake;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// <see cref="MomentumEventStore"/> writing a date from C# arrays, alone or with the other underlyings' stored rows read
/// back: each underlying's rows are stored as its scan alone stores them, in key order; kept rows keep every column
/// they have and read a column their file lacks as NULL; a date without events is empty or keeps only the others;
/// dates written in parallel give the same files as one at a time.
/// </summary>
public sealed class MomentumEventMergeTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private static readonly DateOnly Wednesday = new(2025, 3, 5);
    private const string Dataset = "momentum_events";

    /// <summary>SPY events on every day (Tuesday's without an underlying price, so NULL), SPX's on Monday only.</summary>
    private static ScannerTestLake ThreeDays()
    {
        var lake = new ScannerTestLake();
        lake.WriteOptionBars(Monday,
        [
            ("O:SPY250307P00575000", [new Bar(0, 2.00, 2.00), new Bar(1, 2.00, 2.50), new Bar(2, 2.00, 2.60)]),
            ("O:SPY250307C00580000", [new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.30), new Bar(2, 1.00, 1.00), new Bar(3, 1.00, 1.40)]),
            ("O:SPXW250307P05500000", [new Bar(0, 10.0, 10.0), new Bar(1, 10.0, 13.0)]),
        ]);
        lake.WriteOptionBars(Tuesday, "O:SPY250307C00580000", new Bar(0, 1.00, 1.00), new Bar(5, 1.00, 1.50));
        lake.WriteOptionBars(Wednesday, "O:SPY250307C00580000", new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.25), new Bar(2, 1.00, 1.30));
        lake.WriteStockBars("stock_bars_1m", Monday, "SPY", (TimeSpan.Zero, 580.0), (TimeSpan.FromMinutes(1), 580.5), (TimeSpan.FromMinutes(3), 581.0));
        lake.WriteStockBars("stock_bars_1m", Wednesday, "SPY", (TimeSpan.Zero, 579.0), (TimeSpan.FromMinutes(1), 579.5));
        return lake;
    }

    private static IReadOnlyList<LakeWriteResult> Store(ScannerTestLake lake, MomentumScanOptions options, int? workers = null)
    {
        using var session = lake.Session();
        var scan = MomentumScanner.Run(session, options);
        return MomentumEventStore.Replace(lake.Layout, session.Registry, scan, workers);
    }

    /// <summary>Every column of the partition's rows of <paramref name="underlying"/>, in the order the file holds them.</summary>
    private static string?[] Rows(ScannerTestLake lake, DateOnly date, string underlying)
    {
        using var session = lake.Session();
        return session.Columnar(
            $"SELECT CAST(t AS VARCHAR) AS row FROM {Read(lake, date)} AS t WHERE underlying = '{underlying}'").GetStrings("row");
    }

    private static string?[] Types(ScannerTestLake lake, DateOnly date)
    {
        using var session = lake.Session();
        return session.Columnar($"SELECT column_name || ' ' || column_type AS c FROM (DESCRIBE SELECT * FROM {Read(lake, date)})").GetStrings("c");
    }

    /// <summary>The dataset's files by path in the lake, with their bytes as hex.</summary>
    private static (string Path, string Bytes)[] Files(ScannerTestLake lake) =>
        Testing.LakeFiles.Snapshot(lake.Root).Where(f => f.Key.StartsWith(Dataset, StringComparison.Ordinal))
            .Select(f => (f.Key, Convert.ToHexString(f.Value))).ToArray();

    private static string Read(ScannerTestLake lake, DateOnly date) =>
        $"read_parquet({SqlText.FileList(lake.Layout.PartitionFiles(Dataset, date))}, hive_partitioning = false)";

    [Fact]
    public void Each_underlyings_rows_are_stored_as_its_scan_alone_stores_them_in_key_order()
    {
        using var spyAlone = ThreeDays();
        using var spxAlone = ThreeDays();
        using var both = ThreeDays();
        Store(spyAlone, new MomentumScanOptions());
        Store(spxAlone, new MomentumScanOptions("SPX"));
        Store(both, new MomentumScanOptions("SPX"));

        Store(both, new MomentumScanOptions());

        foreach (var date in new[] { Monday, Tuesday, Wednesday })
        {
            var rows = Rows(spyAlone, date, "SPY");
            Assert.NotEmpty(rows);
            Assert.Equal(rows, Rows(both, date, "SPY"));
            Assert.Equal(Types(spyAlone, date), Types(both, date));
        }
        Assert.Single(Rows(both, Monday, "SPX"));
        Assert.Equal(Rows(spxAlone, Monday, "SPX"), Rows(both, Monday, "SPX"));
        Assert.Contains(Rows(spyAlone, Monday, "SPY"), r => r!.Contains("'underlying_price': 580.5", StringComparison.Ordinal));
        Assert.Contains(Rows(spyAlone, Tuesday, "SPY"), r => r!.Contains("'underlying_price': NULL", StringComparison.Ordinal));
        using var session = both.Session();
        Assert.Equal(
            session.Columnar($"SELECT ticker FROM {Read(both, Monday)} ORDER BY ticker, trigger_ts").GetStrings("ticker"),
            session.Columnar($"SELECT ticker FROM {Read(both, Monday)}").GetStrings("ticker"));
    }

    [Fact]
    public void Kept_rows_stored_before_the_explaining_columns_existed_read_them_as_null()
    {
        using var lake = ThreeDays();
        Store(lake, new MomentumScanOptions("SPX"));
        var before = Rows(lake, Monday, "SPX");
        var earlier = ScanningDatasets.MomentumEvents.Columns.Take(15).ToList();   // up to underlying_price
        var schema = new DatasetSchema(Dataset, "momentum_events before the explaining columns", earlier, ["ticker", "trigger_ts"], "trigger_ts");
        using (var writer = new LakeWriter(lake.Layout, DatasetRegistry.Empty.Register(schema)))
        {
            writer.ReplacePartition(Dataset, Monday, LakeSource.FromSql(
                $"SELECT {string.Join(", ", earlier.Select(c => c.Name))} FROM {Read(lake, Monday)}"));
        }
        Assert.DoesNotContain("delta DOUBLE", Types(lake, Monday));

        Store(lake, new MomentumScanOptions());

        Assert.Equal(before, Rows(lake, Monday, "SPX"));
        Assert.Contains("'delta': NULL", Assert.Single(before));
        Assert.Equal(3, Rows(lake, Monday, "SPY").Length);
    }

    [Fact]
    public void Other_underlyings_rows_keep_every_column_they_have()
    {
        using var lake = ThreeDays();
        Store(lake, new MomentumScanOptions("SPX"));
        // As if SPX's day had been consolidated before its scan: explaining columns filled in.
        using (var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default))
        {
            writer.ReplacePartition(Dataset, Monday, LakeSource.FromSql(
                $"SELECT * EXCLUDE (delta, gamma, spot_move), -0.45 AS delta, 0.002 AS gamma, 12.5 AS spot_move FROM {Read(lake, Monday)}"));
        }
        var before = Rows(lake, Monday, "SPX");

        var written = Store(lake, new MomentumScanOptions());

        Assert.Equal(before, Rows(lake, Monday, "SPX"));
        Assert.Contains("'delta': -0.45, 'gamma': 0.002, 'spot_move': 12.5", Assert.Single(before));
        Assert.Equal(4L, written.Single(w => w.Date == Monday).Rows);   // SPX's one and SPY's three
    }

    [Fact]
    public void A_date_whose_events_are_gone_is_empty_or_keeps_only_the_others()
    {
        using var lake = ThreeDays();
        Store(lake, new MomentumScanOptions("SPX"));
        Store(lake, new MomentumScanOptions());

        var written = Store(lake, new MomentumScanOptions(Threshold: 2.0));

        Assert.All(written, w => Assert.True(w.Changed));
        Assert.Equal([1L, 0L, 0L], written.Select(w => w.Rows));
        Assert.Empty(Rows(lake, Monday, "SPY"));
        Assert.Single(Rows(lake, Monday, "SPX"));
        Assert.Equal([Monday, Tuesday, Wednesday], lake.Layout.Partitions(Dataset));
        Assert.Equal(Types(lake, Monday), Types(lake, Tuesday));
        Assert.All(Store(lake, new MomentumScanOptions(Threshold: 2.0)), w => Assert.False(w.Changed));
    }

    [Fact]
    public void Running_either_scan_again_changes_nothing_where_the_underlyings_share_a_date()
    {
        using var lake = ThreeDays();
        Store(lake, new MomentumScanOptions());
        Store(lake, new MomentumScanOptions("SPX"));
        var before = Files(lake);

        var spy = Store(lake, new MomentumScanOptions());
        var spx = Store(lake, new MomentumScanOptions("SPX"));

        Assert.All(spy.Concat(spx), w => Assert.False(w.Changed));
        Assert.Equal(before, Files(lake));
    }

    [Fact]
    public void Dates_written_in_parallel_give_the_files_of_one_at_a_time()
    {
        using var sequential = ThreeDays();
        using var parallel = ThreeDays();

        var one = Store(sequential, new MomentumScanOptions(), workers: 1);
        var three = Store(parallel, new MomentumScanOptions(), workers: 3);

        Assert.Equal(one.Select(w => (w.Date, w.Rows)), three.Select(w => (w.Date, w.Rows)));
        var files = Files(sequential);
        Assert.Equal(3, files.Length);
        Assert.Equal(files, Files(parallel));
    }
}
