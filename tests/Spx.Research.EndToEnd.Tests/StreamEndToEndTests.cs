using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>The WebSocket client against the simulator's replay: 30 minutes of a session, every bar once.</summary>
public sealed class StreamEndToEndTests
{
    [Fact]
    public async Task Thirty_replayed_minutes_of_spy_arrive_as_1800_second_and_30_minute_bars()
    {
        var (simulator, baseUri) = await Loopback.Start(replayFor: TimeSpan.FromMinutes(30));
        await using var _ = simulator;
        var options = new PolygonStreamOptions
        {
            ApiKey = new ApiKey(Loopback.Key),
            Cluster = StreamCluster.Stocks,
            BaseUri = new UriBuilder(baseUri) { Scheme = "ws" }.Uri,
        };
        await using var client = new PolygonStreamClient(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await client.ConnectAsync(timeout.Token);
        var subscribed = await client.SubscribeAsync(["A.SPY", "AM.SPY"], timeout.Token);
        Assert.All(subscribed, s => Assert.True(s.Succeeded, $"{s.Topic}: {s.Status} {s.Message}"));

        var bars = new List<AggregateEvent>();
        await foreach (var ev in client.ReadAllAsync(timeout.Token))
        {
            if (ev is AggregateEvent bar) bars.Add(bar);
            if (bars.Count == 1830) break;
        }

        Assert.Equal(1800, bars.Count(b => b.EventType == "A"));
        Assert.Equal(30, bars.Count(b => b.EventType == "AM"));
        Assert.Equal(bars.Count, bars.Select(b => (b.EventType, b.Symbol, b.Start)).Distinct().Count());
        Assert.Equal(0, client.Statistics.EventsDropped);
    }
}
