using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>The WebSocket client against the simulator's replay: 30 minutes of a session, every bar once.</summary>
public sealed class StreamEndToEndTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("ws_duplicate", "every=3")]
    [InlineData("ws_out_of_order", "every=4")]
    [InlineData("ws_drop", "after=300")]
    [InlineData("ws_slow_consumer", "after=500")]
    public async Task Thirty_replayed_minutes_of_spy_arrive_as_1800_second_and_30_minute_bars_each_once(string fault, string parameters)
    {
        var plan = fault == "" ? FaultPlan.None : new FaultPlan(11, [new FaultRule("ws_stocks", fault, 1, 1,
            parameters.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]))]);
        var (simulator, baseUri) = await Loopback.Start(plan, replayFor: TimeSpan.FromMinutes(30));
        await using var _ = simulator;
        var options = new PolygonStreamOptions
        {
            ApiKey = new ApiKey(Loopback.Key),
            Cluster = StreamCluster.Stocks,
            BaseUri = new UriBuilder(baseUri) { Scheme = "ws" }.Uri,
            Reconnect = StreamReconnectPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(50) },
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
        if (fault is "ws_duplicate") Assert.True(client.Statistics.DuplicatesDropped > 0, "the fault sent no duplicates");
        if (fault is "ws_drop" or "ws_slow_consumer") Assert.True(client.Statistics.Reconnects > 0, "the fault caused no reconnect");
    }

    [Fact]
    public async Task Max_connections_ends_the_stream_with_the_typed_disconnect_and_no_reconnect()
    {
        // n=1: a second connection would be let in, so one connection seen by the server proves the client did not try again.
        var plan = new FaultPlan(11, [new FaultRule("ws_stocks", FaultNames.WsMaxConnections, 1, 1)]);
        var (simulator, baseUri) = await Loopback.Start(plan);
        await using var _ = simulator;
        await using var client = new PolygonStreamClient(new PolygonStreamOptions
        {
            ApiKey = new ApiKey(Loopback.Key),
            Cluster = StreamCluster.Stocks,
            BaseUri = new UriBuilder(baseUri) { Scheme = "ws" }.Uri,
            Reconnect = StreamReconnectPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(50) },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var refused = await Assert.ThrowsAsync<PolygonStreamDisconnectedException>(() => client.ConnectAsync(timeout.Token));
        Assert.Equal(DisconnectReason.MaxConnections, refused.Reason);
        Assert.Equal("Maximum number of connections exceeded.", refused.ServerMessage);

        // The notice reaches the reader, then the stream ends with the same typed error.
        var events = new List<StreamEvent>();
        var ended = await Assert.ThrowsAsync<PolygonStreamDisconnectedException>(async () =>
        {
            await foreach (var ev in client.ReadAllAsync(timeout.Token)) events.Add(ev);
        });
        Assert.Equal(DisconnectReason.MaxConnections, ended.Reason);
        Assert.Contains(events, e => e is DisconnectNoticeEvent { Reason: DisconnectReason.MaxConnections });
        Assert.Equal(0, client.Statistics.Reconnects);
        Assert.Equal(1, simulator.SocketConnections);
        Assert.DoesNotContain(Loopback.Key, refused.ToString());
    }
}
