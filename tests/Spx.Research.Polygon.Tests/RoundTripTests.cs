using System.Text.Json;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>What a server writes with <see cref="PolygonJsonContext"/> the client reads back unchanged.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task Written_bars_and_snapshots_read_back_equal()
    {
        var bars = new PolygonPage<AggregateBar>
        {
            Status = "OK",
            Results =
            [
                new AggregateBar { Start = DateTimeOffset.FromUnixTimeMilliseconds(1704205800000), Open = 1, High = 2, Low = 0.5, Close = 1.5, Volume = 10.5, Vwap = 1.2, Transactions = 3 },
                new AggregateBar { Start = DateTimeOffset.FromUnixTimeMilliseconds(1704205860000), Open = 1, High = 2, Low = 0.5, Close = 1.5 },
            ],
        };
        var json = JsonSerializer.Serialize(bars, PolygonJsonContext.Default.PolygonPageAggregateBar);
        Assert.DoesNotContain("\"v\"", json.Split("},{")[1]);
        using var client = Clients.Fake(new FakeHandler(Canned.Ok(json)));
        var read = await client.Aggregates("SPY", 1, AggregateTimespan.Minute, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2)).ToListAsync();
        Assert.Equal(bars.Results, read);

        var snapshot = new PolygonPage<UnifiedSnapshotItem>
        {
            Results =
            [
                new UnifiedSnapshot("I:SPX") { Type = "indices", Value = 4742.83, Session = new DaySummary { Close = 4742.83, LastUpdated = new DateTimeOffset(2024, 1, 2, 21, 0, 0, TimeSpan.Zero).AddTicks(1) } },
                new UnifiedSnapshotError("APx", "NOT_FOUND", "Ticker not found."),
            ],
        };
        using var snapshots = Clients.Fake(new FakeHandler(Canned.Ok(JsonSerializer.Serialize(snapshot, PolygonJsonContext.Default.PolygonPageUnifiedSnapshotItem))));
        var items = await snapshots.Snapshots(["I:SPX", "APx"]).ToListAsync();
        Assert.Equal(((UnifiedSnapshot)snapshot.Results[0]).Session, Assert.IsType<UnifiedSnapshot>(items[0]).Session);
        Assert.Equal(4742.83, ((UnifiedSnapshot)items[0]).Value);
        Assert.Equal(new UnifiedSnapshotError("APx", "NOT_FOUND", "Ticker not found."), items[1]);
    }
}
