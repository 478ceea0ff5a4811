using Spx.Research.Lake;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// <c>momentum_events</c> on a real lake: one partition per scanned date, the same scan twice leaves the same
/// files, a date without events is an empty partition, a re-scan replaces (never duplicates) its underlying's
/// rows, and a scan of another underlying keeps them.
/// </summary>
public sealed class MomentumEventStoreTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private const string Dataset = "momentum_events";

    private static ScannerTestLake TwoDays()
    {
        var lake = new ScannerTestLake();
        lake.WriteOptionBars(Monday,
        [
            ("O:SPY250307C00580000", [new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.30), new Bar(2, 1.00, 1.00), new Bar(3, 1.00, 1.40)]),
            ("O:SPXW250307P05500000", [new Bar(0, 10.0, 10.0), new Bar(1, 10.0, 13.0)]),
        ]);
        lake.WriteOptionBars(Tuesday, "O:SPY250307C00580000", new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.10));
        return lake;
    }

    private static IReadOnlyList<LakeWriteResult> Store(ScannerTestLake lake, MomentumScanOptions options)
    {
        using var session = lake.Session();
        var scan = MomentumScanner.Run(session, options);
        return MomentumEventStore.Replace(lake.Layout, session.Registry, scan);
    }

    private static string[] Stored(ScannerTestLake lake)
    {
        using var session = lake.Session();
        return session.Query(
            $"SELECT date, ticker, strftime(trigger_ts, '%H:%M'), duration, threshold FROM {Dataset} ORDER BY date, ticker, trigger_ts",
            r =>
            {
                var rows = new List<string>();
                while (r.Read()) rows.Add($"{r.GetDateTime(0):yyyy-MM-dd} {r.GetString(1)} {r.GetString(2)} {r.GetInt64(3)} {r.GetDouble(4)}");
                return rows.ToArray();
            });
    }

    [Fact]
    public void Each_scanned_date_is_one_partition_and_a_date_without_events_is_empty()
    {
        using var lake = TwoDays();

        var written = Store(lake, new MomentumScanOptions());

        Assert.Equal([(Monday, 2L), (Tuesday, 0L)], written.Select(w => (w.Date, w.Rows)));
        Assert.Equal([Monday, Tuesday], lake.Layout.Partitions(Dataset));
        // 09:31 and 09:33 New York are 14:31 and 14:33 UTC in March before the switch.
        Assert.Equal(["2025-03-03 O:SPY250307C00580000 14:31 1 0.2", "2025-03-03 O:SPY250307C00580000 14:33 1 0.2"], Stored(lake));
    }

    [Fact]
    public void The_same_scan_twice_leaves_the_same_files()
    {
        using var lake = TwoDays();
        Store(lake, new MomentumScanOptions());
        var before = Testing.LakeFiles.Snapshot(lake.Root).Where(f => f.Key.StartsWith(Dataset, StringComparison.Ordinal)).ToArray();

        var again = Store(lake, new MomentumScanOptions());

        Assert.All(again, w => Assert.False(w.Changed));
        var after = Testing.LakeFiles.Snapshot(lake.Root).Where(f => f.Key.StartsWith(Dataset, StringComparison.Ordinal)).ToArray();
        Assert.Equal(before.Select(f => f.Key), after.Select(f => f.Key));
        Assert.Equal(before.Select(f => f.Value), after.Select(f => f.Value));
    }

    [Fact]
    public void A_rescan_replaces_its_underlyings_rows_and_keeps_the_others()
    {
        using var lake = TwoDays();
        Store(lake, new MomentumScanOptions());
        Store(lake, new MomentumScanOptions("SPX"));

        Store(lake, new MomentumScanOptions(Threshold: 0.35));

        Assert.Equal(["2025-03-03 O:SPXW250307P05500000 14:31 1 0.2", "2025-03-03 O:SPY250307C00580000 14:33 1 0.35"], Stored(lake));
    }
}
