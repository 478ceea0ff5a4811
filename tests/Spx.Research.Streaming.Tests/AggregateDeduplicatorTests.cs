using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

public sealed class AggregateDeduplicatorTests
{
    private static readonly DateTimeOffset Open = new(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);

    private static AggregateEvent Bar(string ev, string symbol, int second) =>
        new(ev, symbol, 100, 1000, 580, 580, 580, 580, 580, 580, 580, 5, Open.AddSeconds(second), Open.AddSeconds(second + 1), false);

    [Fact]
    public void A_repeat_is_recognised_and_out_of_order_bars_are_new()
    {
        var seen = new AggregateDeduplicator();

        Assert.True(seen.IsNew(Bar("A", "SPY", 10)));
        Assert.True(seen.IsNew(Bar("A", "SPY", 12)));
        Assert.True(seen.IsNew(Bar("A", "SPY", 11)));  // late, but new
        Assert.False(seen.IsNew(Bar("A", "SPY", 10))); // repeat
        Assert.True(seen.IsNew(Bar("AM", "SPY", 10))); // another event type
        Assert.True(seen.IsNew(Bar("A", "QQQ", 10)));  // another symbol
    }

    [Fact]
    public void Memory_stays_bounded_and_bars_beyond_the_horizon_pass_unchecked()
    {
        var seen = new AggregateDeduplicator();
        for (var s = 0; s < 23_400; s++) Assert.True(seen.IsNew(Bar("A", "SPY", s)));
        Assert.InRange(seen.Remembered, 900, 4_097);                // a day of seconds, but only about the horizon's worth kept

        Assert.False(seen.IsNew(Bar("A", "SPY", 23_399 - 60)));   // within 15 minutes: still recognised
        Assert.True(seen.IsNew(Bar("A", "SPY", 0)));              // hours old: cannot be checked, passes
    }
}
