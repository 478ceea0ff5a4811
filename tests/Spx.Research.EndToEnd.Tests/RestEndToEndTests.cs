using Spx.Research.Polygon.Rest;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>The REST client against the simulator: multi-page downloads arrive whole, each record once.</summary>
public sealed class RestEndToEndTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);

    [Fact]
    public async Task A_day_of_spy_seconds_is_backfilled_across_pages_exactly_once()
    {
        var (simulator, baseUri) = await Loopback.Start();
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);

        var bars = new List<AggregateBar>();
        await foreach (var bar in client.Aggregates("SPY", 1, AggregateTimespan.Second, Day, Day, limit: 5000))
            bars.Add(bar);

        Assert.Equal(23_400, bars.Count); // 5 pages of ≤ 5,000
        Assert.Equal(bars.Count, bars.Select(b => b.Start).Distinct().Count());
        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Start < p.Second.Start), "bars out of order");
        Assert.All(bars, b => Assert.NotNull(b.Volume));
    }

    [Fact]
    public async Task Index_minute_bars_have_no_volume_and_cover_the_session()
    {
        var (simulator, baseUri) = await Loopback.Start();
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);

        var bars = new List<AggregateBar>();
        await foreach (var bar in client.Aggregates("I:VIX", 1, AggregateTimespan.Minute, Day, Day))
            bars.Add(bar);

        Assert.Equal(390, bars.Count);
        Assert.All(bars, b => Assert.Null(b.Volume));
    }

    [Fact]
    public async Task Unknown_tickers_come_back_as_typed_items_beside_the_known_ones()
    {
        var (simulator, baseUri) = await Loopback.Start();
        await using var _ = simulator;
        using var client = Loopback.Client(baseUri);

        var items = new List<UnifiedSnapshotItem>();
        await foreach (var item in client.Snapshots(["SPY", "NOPE", "I:SPX"]))
            items.Add(item);

        Assert.Equal(["I:SPX", "NOPE", "SPY"], items.Select(i => i.Ticker).Order());
        Assert.Equal("NOT_FOUND", Assert.IsType<UnifiedSnapshotError>(items.Single(i => i.Ticker == "NOPE")).Error);
    }
}
