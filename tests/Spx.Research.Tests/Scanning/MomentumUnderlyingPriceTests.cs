using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The underlying's price at an event's trigger: the close of the last SPY second bar that starts before the
/// trigger bar ends (the minute's last known price), else the trigger minute's own SPY minute bar, else NULL.
/// The trigger bar here is 09:31–09:32 New York.
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
    public void Another_ticker_or_the_day_before_is_not_the_price()
    {
        using var lake = LakeWithOneEvent();
        lake.WriteStockBars("stock_bars_1s", Day, "QQQ", (S(60), 500.00));
        lake.WriteStockBars("stock_bars_1s", DayBefore, "SPY", (S(60), 575.00));

        Assert.Null(Assert.Single(lake.Scan().Events).UnderlyingPrice);
    }
}
