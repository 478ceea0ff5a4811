using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The kernel path reads bars in stored order and must never give a different answer from the SQL path
/// (docs/scanner.md): a partition whose file is not sorted by (ticker, ts), holds a bar twice, or spreads a
/// contract-day over several files goes the SQL way, and either way the scan equals the SQL path's, event for event.
/// </summary>
public sealed class MomentumKernelOrderTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private static readonly string[] Tickers =
        ["O:SPY250303C00580000", "O:SPY250303P00575000", "O:SPY250307C00585000", "O:SPY250307P00570000", "O:SPY250321C00600000"];

    [Fact]
    public void Partitions_written_by_the_lake_are_read_in_order_and_agree_with_the_sql_path()
    {
        using var lake = new ScannerTestLake();
        WriteDay(lake, Monday, seed: 1);
        WriteDay(lake, Tuesday, seed: 2);

        var (kernel, outOfOrder) = ScanKernel(lake);

        Assert.Empty(outOfOrder);
        Assert.InRange(kernel.Events.Count, 20, 2_000);
        AssertSameScan(ScanSql(lake), kernel);
    }

    // id, the file's row order (DuckDB SQL over the partition's rows), whether the date must go the SQL way
    [Theory]
    [InlineData("times falling within each ticker", "SELECT * FROM bars ORDER BY ticker, ts DESC", true)]
    [InlineData("by time, tickers interleaved", "SELECT * FROM bars ORDER BY ts, ticker", true)]
    [InlineData("one ticker's first bar moved to the end", "SELECT * FROM bars ORDER BY (ticker = 'O:SPY250303P00575000' AND ts = (SELECT min(ts) FROM bars WHERE ticker = 'O:SPY250303P00575000')), ticker, ts", true)]
    [InlineData("one ticker's last bar moved to the start", "SELECT * FROM bars ORDER BY (ticker = 'O:SPY250307C00585000' AND ts = (SELECT max(ts) FROM bars WHERE ticker = 'O:SPY250307C00585000')) DESC, ticker, ts", true)]
    [InlineData("tickers falling: each contract-day still one block in time order", "SELECT * FROM bars ORDER BY ticker DESC, ts", false)]
    public void A_partition_not_in_order_goes_the_sql_way_with_the_same_events(string id, string rows, bool sqlWay)
    {
        using var lake = new ScannerTestLake();
        WriteDay(lake, Monday, seed: 3);
        WriteDay(lake, Tuesday, seed: 4);
        var inOrder = ScanKernel(lake).Scan;

        RewritePartition(lake, Monday, rows);
        var (kernel, outOfOrder) = ScanKernel(lake);

        var expected = sqlWay ? [Monday] : Array.Empty<DateOnly>();
        Assert.True(outOfOrder.SequenceEqual(expected), $"{id}: expected {expected.Length} date(s) to go the SQL way, went: {string.Join(' ', outOfOrder)}");
        AssertSameScan(inOrder, kernel);
        AssertSameScan(ScanSql(lake), kernel);
    }

    /// <summary>
    /// A file from elsewhere that holds every bar twice breaks the lake's key, and then "bar order" has no single
    /// answer (the SQL path's own numbering of tied bars varies); the kernel must not pick one: the date goes SQL.
    /// </summary>
    [Fact]
    public void A_partition_holding_a_bar_twice_goes_the_sql_way_and_leaves_other_dates_alone()
    {
        using var lake = new ScannerTestLake();
        WriteDay(lake, Monday, seed: 3);
        WriteDay(lake, Tuesday, seed: 4);
        var inOrder = ScanKernel(lake).Scan;

        RewritePartition(lake, Monday, "SELECT * FROM (SELECT * FROM bars UNION ALL SELECT * FROM bars) ORDER BY ticker, ts");
        var (kernel, outOfOrder) = ScanKernel(lake);

        Assert.Equal([Monday], outOfOrder);
        // The SQL path reads what is stored: Monday's bars twice.
        Assert.Equal(inOrder.Summary.Bars + Contracts(seed: 3).Sum(c => c.Bars.Length), kernel.Summary.Bars);
        Assert.Equal(inOrder.Events.Where(e => e.Date == Tuesday), kernel.Events.Where(e => e.Date == Tuesday));
    }

    [Fact]
    public void A_partition_of_many_files_gives_the_events_of_one_file()
    {
        using var whole = new ScannerTestLake();
        using var appended = new ScannerTestLake();
        var day = Contracts(seed: 5);
        whole.WriteOptionBars(Monday, day);
        // Ten appends, each a slice of every contract's minutes: each contract-day is spread over all ten files.
        for (var slice = 0; slice < 10; slice++)
        {
            var part = day.Select(c => (c.Ticker, c.Bars.Where(b => b.Minute % 10 == slice).ToArray())).ToArray();
            if (slice == 0) appended.WriteOptionBars(Monday, part);
            else appended.AppendOptionBars(Monday, part);
        }
        WriteDay(appended, Tuesday, seed: 6);
        WriteDay(whole, Tuesday, seed: 6);

        var (kernel, outOfOrder) = ScanKernel(appended);

        Assert.Equal(10, appended.Layout.PartitionFiles("option_bars_1m", Monday).Count);
        Assert.Equal([Monday], outOfOrder);
        AssertSameScan(ScanKernel(whole).Scan, kernel);
        AssertSameScan(ScanSql(appended), kernel);
    }

    [Fact]
    public void A_partition_of_many_files_each_holding_whole_contract_days_gives_the_same_events()
    {
        using var lake = new ScannerTestLake();
        var day = Contracts(seed: 7);
        lake.WriteOptionBars(Monday, [day[0]]);
        foreach (var contract in day.Skip(1)) lake.AppendOptionBars(Monday, [contract]);

        // The files are named by their content, so they list in no particular ticker order: each still holds whole contract-days.
        var (kernel, outOfOrder) = ScanKernel(lake);

        Assert.Equal(Tickers.Length, lake.Layout.PartitionFiles("option_bars_1m", Monday).Count);
        Assert.Empty(outOfOrder);
        AssertSameScan(ScanSql(lake), kernel);
    }

    [Fact]
    public void The_sample_lake_is_stored_in_order_and_both_paths_agree()
    {
        var sample = Spx.Research.Synthetic.SampleLake.Find(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"no {Spx.Research.Synthetic.SampleLake.RelativePath} above {AppContext.BaseDirectory}");
        using var session = LakeSession.Open(sample);
        var options = new MomentumScanOptions();

        var outOfOrder = session.Run(connection => Fill(connection, options));
        var kernel = MomentumScanner.Run(session, options, MomentumScanPath.Kernel);
        var sql = MomentumScanner.Run(session, options, MomentumScanPath.Sql);

        Assert.Empty(outOfOrder);
        Assert.Equal(4820, kernel.Events.Count);
        AssertSameScan(sql, kernel);
    }

    private static (MomentumScan Scan, IReadOnlyList<DateOnly> OutOfOrder) ScanKernel(ScannerTestLake lake)
    {
        using var session = lake.Session();
        var options = new MomentumScanOptions();
        var outOfOrder = session.Run(connection => Fill(connection, options));
        return (MomentumScanner.Run(session, options, MomentumScanPath.Kernel), outOfOrder);
    }

    private static MomentumScan ScanSql(ScannerTestLake lake)
    {
        using var session = lake.Session();
        return MomentumScanner.Run(session, new MomentumScanOptions(), MomentumScanPath.Sql);
    }

    private static IReadOnlyList<DateOnly> Fill(DuckDBConnection connection, MomentumScanOptions options)
    {
        connection.ExecuteNonQuery(MomentumQueries.CreateTables());
        return MomentumKernelScan.Fill(connection, options);
    }

    private static void AssertSameScan(MomentumScan expected, MomentumScan actual)
    {
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Dates, actual.Dates);
        Assert.Equal(expected.Summary.HourDistribution, actual.Summary.HourDistribution);
        Assert.Equal(expected.Summary with { HourDistribution = [] }, actual.Summary with { HourDistribution = [] });
    }

    private static void WriteDay(ScannerTestLake lake, DateOnly day, int seed) => lake.WriteOptionBars(day, Contracts(seed));

    /// <summary>
    /// Every ticker with 90 bars, some minutes missing, closes wandering around 20 % above the first open so that
    /// runs start and end often (seeded, so each run is the same).
    /// </summary>
    private static (string Ticker, Bar[] Bars)[] Contracts(int seed)
    {
        var random = new Random(seed);
        return Tickers.Select(ticker =>
        {
            var reference = 1 + random.Next(1, 400) / 100.0;
            var bars = Enumerable.Range(0, 120).Where(_ => random.NextDouble() < 0.75)
                .Select((minute, i) => new Bar(minute, i == 0 ? reference : 9.99, Math.Round(reference * (1.05 + 0.3 * random.NextDouble()), 2)))
                .ToArray();
            return (ticker, bars);
        }).ToArray();
    }

    /// <summary>Replaces the partition's files by one file of its rows in the order <paramref name="rows"/> gives (a file from elsewhere).</summary>
    private static void RewritePartition(ScannerTestLake lake, DateOnly day, string rows)
    {
        var files = lake.Layout.PartitionFiles("option_bars_1m", day);
        var temp = Path.Combine(Path.GetDirectoryName(files[0])!, "rewrite.tmp");
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            // One thread, so the COPY writes rows in exactly the query's order.
            connection.ExecuteNonQuery("SET threads = 1");
            connection.ExecuteNonQuery($"CREATE TABLE bars AS SELECT * FROM read_parquet({SqlText.FileList(files)})");
            connection.ExecuteNonQuery($"COPY ({rows}) TO {SqlText.Literal(temp)} (FORMAT parquet)");
        }
        foreach (var file in files) File.Delete(file);
        File.Move(temp, files[0]);
    }
}
