using System.Globalization;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The underlying's price at an event's trigger: the close of the last SPY second bar that starts before the
/// trigger bar ends (the minute's last known price), else the trigger minute's own SPY minute bar, else NULL.
/// The trigger bar here is 09:31–09:32 New York. The scan looks the second bars up per minute (each minute's last
/// bar) for triggers on the whole minute, and by the bars themselves otherwise; both ways must give this price.
/// </summary>
public sealed class MomentumUnderlyingPriceTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly DateOnly DayBefore = new(2025, 2, 28);

    private static ScannerTestLake LakeWithOneEvent()
    {
        var lake = new ScannerTestLake();
        lake.WriteOptionBars(Day, "O:SPY250307C00580000", new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.50));
        return lake;
    }

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void The_last_second_bar_before_the_trigger_bar_ends()
    {
        using var lake = LakeWithOneEvent();
        lake.WriteStockBars("stock_bars_1s", Day, "SPY", (S(59), 579.90), (S(60), 580.10), (S(119), 580.50), (S(120), 581.00));
        lake.WriteStockBars("stock_bars_1m", Day, "SPY", (S(60), 570.00));

        Assert.Equal(580.50, Assert.Single(lake.Scan().Events).UnderlyingPrice);
    }

    [Fact]
    public void A_quiet_stretch_takes_the_last_second_bar_before_it()
    {
        using var lake = LakeWithOneEvent();
        lake.WriteStockBars("stock_bars_1s", Day, "SPY", (S(10), 579.50), (S(300), 581.00));

        Assert.Equal(579.50, Assert.Single(lake.Scan().Events).UnderlyingPrice);
    }

    [Fact]
    public void Without_second_bars_the_trigger_minutes_minute_bar()
    {
        using var lake = LakeWithOneEvent();
        lake.WriteStockBars("stock_bars_1m", Day, "SPY", (S(0), 579.00), (S(60), 579.50), (S(120), 580.00));

        Assert.Equal(579.50, Assert.Single(lake.Scan().Events).UnderlyingPrice);
    }

    [Fact]
    public void Second_bars_only_after_the_trigger_leave_the_minute_bar()
    {
        using var lake = LakeWithOneEvent();
        lake.WriteStockBars("stock_bars_1s", Day, "SPY", (S(120), 581.00), (S(121), 581.10));
        lake.WriteStockBars("stock_bars_1m", Day, "SPY", (S(0), 579.00), (S(60), 579.50), (S(120), 580.00));

        Assert.Equal(579.50, Assert.Single(lake.Scan().Events).UnderlyingPrice);
    }

    /// <summary>
    /// A bar that does not start on the whole minute (a file from elsewhere): its trigger bar ends at 09:32:30, so the
    /// price is the bar of 09:32:29, not the last of the 09:32 minute (09:32:45) nor of 09:31 (09:31:50).
    /// </summary>
    [Fact]
    public void A_trigger_off_the_whole_minute_takes_the_last_second_bar_before_its_bar_ends()
    {
        using var lake = new ScannerTestLake();
        WriteOptionBarsAt(lake, "O:SPY250307C00580000", (S(30), 1.00, 1.00), (S(90), 1.00, 1.50));
        lake.WriteStockBars("stock_bars_1s", Day, "SPY", (S(110), 580.10), (S(149), 580.50), (S(150), 581.00), (S(165), 581.50));

        using var session = lake.Session();
        foreach (var path in new[] { MomentumScanPath.Kernel, MomentumScanPath.Sql })
        {
            var e = Assert.Single(MomentumScanner.Run(session, new MomentumScanOptions(), path).Events);
            Assert.Equal((Open(Day) + S(90), 580.50), (e.TriggerTs, e.UnderlyingPrice));
        }
    }

    [Fact]
    public void Another_ticker_or_the_day_before_is_not_the_price()
    {
        using var lake = LakeWithOneEvent();
        lake.WriteStockBars("stock_bars_1s", Day, "QQQ", (S(60), 500.00));
        lake.WriteStockBars("stock_bars_1s", DayBefore, "SPY", (S(60), 575.00));

        Assert.Null(Assert.Single(lake.Scan().Events).UnderlyingPrice);
    }

    /// <summary>Option bars of <paramref name="ticker"/> on <see cref="Day"/> at any offset after 09:30 New York, with an open and a close.</summary>
    private static void WriteOptionBarsAt(ScannerTestLake lake, string ticker, params (TimeSpan Offset, double Open, double Close)[] bars)
    {
        var values = string.Join(", ", bars.Select(b => string.Create(CultureInfo.InvariantCulture,
            $"(TIMESTAMPTZ '{(Open(Day) + b.Offset).UtcDateTime:yyyy-MM-dd HH:mm:ss}+00', {b.Open:R}::DOUBLE, {b.Close:R}::DOUBLE)")));
        using var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default);
        writer.ReplacePartition("option_bars_1m", Day, LakeSource.FromSql($"""
            SELECT '{ticker}' AS ticker, 'SPY' AS underlying, DATE '2025-03-07' AS expiry, 'C' AS option_right, 580.0 AS strike, ts,
                   open, greatest(open, close) AS high, least(open, close) AS low, close, 10 AS volume, NULL AS vwap, NULL AS trades
            FROM (VALUES {values}) AS v(ts, open, close)
            """));
    }
}
