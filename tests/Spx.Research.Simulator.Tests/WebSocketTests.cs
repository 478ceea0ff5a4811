using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Spx.Research.Market;

namespace Spx.Research.Simulator.Tests;

public sealed class WebSocketTests
{
    private static readonly DateTimeOffset Open = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(9, 30));

    private static PolygonSimulator Replay(TimeSpan? span = null) => new(new SimulatorOptions
    {
        LakeRoot = SimulatorFixture.Lake, Speed = ReplaySpeed.Max, ClockStart = Open, ReplayFor = span ?? TimeSpan.FromMinutes(30),
    });

    private static async Task<List<JsonObject>> Subscribe(SocketSession socket, string topics)
    {
        await socket.Send($$"""{"action":"subscribe","params":"{{topics}}"}""");
        var statuses = await socket.Receive();
        Assert.Equal(topics.Split(',').Length, statuses!.Count);
        Assert.All(statuses, s => Assert.Equal("success", s!["status"]!.GetValue<string>()));
        Assert.Equal($"subscribed to: {topics.Split(',')[0]}", statuses[0]!["message"]!.GetValue<string>());
        return [];
    }

    [Fact]
    public async Task Stocks_replay_30_minutes_of_A_and_AM_at_max_speed()
    {
        await using var sim = Replay();
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks");
        await socket.Authenticate();
        await Subscribe(socket, "AM.SPY,A.SPY");
        var events = await socket.ReadToClose();
        Assert.True(socket.CloseStatus == WebSocketCloseStatus.NormalClosure, events.LastOrDefault()?.ToJsonString());
        var seconds = events.Where(e => e["ev"]!.GetValue<string>() == "A").ToList();
        var minutes = events.Where(e => e["ev"]!.GetValue<string>() == "AM").ToList();
        Assert.Equal(1800, seconds.Count);
        Assert.Equal(30, minutes.Count);
        var first = minutes[0];
        foreach (var field in new[] { "sym", "v", "av", "op", "vw", "o", "h", "l", "c", "a", "z", "s", "e" }) Assert.True(first.ContainsKey(field), field);
        Assert.Equal(Open.ToUnixTimeMilliseconds(), first["s"]!.GetValue<long>());
        Assert.Equal(60_000, first["e"]!.GetValue<long>() - first["s"]!.GetValue<long>());
        var av = minutes.Select(m => m["av"]!.GetValue<double>()).ToList();
        Assert.Equal(av.Order(), av);
        Assert.Equal(minutes.Sum(m => m["v"]!.GetValue<double>()), av[^1], 3);
    }

    [Fact]
    public async Task A_paced_replay_starts_at_the_simulated_clock_and_sends_every_second()
    {
        // 60x: one simulated minute takes about a second of wall time; nothing here asserts on time.
        await using var sim = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = SimulatorFixture.Lake, Speed = new ReplaySpeed(60), ClockStart = Open, ReplayFor = TimeSpan.FromMinutes(1),
        });
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks");
        await socket.Authenticate();
        await Subscribe(socket, "A.SPY");
        var starts = (await socket.ReadToClose()).Select(e => e["s"]!.GetValue<long>()).ToList();
        Assert.Equal(60, starts.Count);
        Assert.True(starts[0] >= Open.ToUnixTimeMilliseconds());
        Assert.Equal(Enumerable.Range(0, 60).Select(i => starts[0] + 1000L * i), starts);
    }

    [Fact]
    public async Task Indices_stream_AM_A_and_V_without_volume()
    {
        await using var sim = Replay(TimeSpan.FromMinutes(10));
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "indices");
        await socket.Authenticate();
        await Subscribe(socket, "AM.I:SPX,A.I:SPX,V.I:SPX");
        var events = await socket.ReadToClose();
        Assert.Equal(10, events.Count(e => e["ev"]!.GetValue<string>() == "AM"));
        Assert.Equal(10, events.Count(e => e["ev"]!.GetValue<string>() == "A"));
        var values = events.Where(e => e["ev"]!.GetValue<string>() == "V").ToList();
        Assert.Equal(10, values.Count);
        Assert.Equal("I:SPX", values[0]["T"]!.GetValue<string>());
        Assert.All(events.Where(e => e["ev"]!.GetValue<string>() != "V"), e => Assert.False(e.ContainsKey("v") || e.ContainsKey("vw")));
    }

    [Fact]
    public async Task Options_wildcard_streams_every_minute_bar_and_unsubscribe_stops_nothing_else()
    {
        await using var sim = Replay(TimeSpan.FromMinutes(15));
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "options");
        await socket.Authenticate();
        await Subscribe(socket, "AM.*");
        var sizes = new List<int>();
        var events = await socket.ReadToClose(sizes);
        var expected = LakeFacts.Count(
            $"SELECT count(*) FROM option_bars_1m WHERE ts >= TIMESTAMPTZ '{Open.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00' AND ts < TIMESTAMPTZ '{Open.AddMinutes(15).UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'");
        Assert.Equal(expected, events.Count);
        Assert.Contains(sizes, s => s > 1);
    }

    [Fact]
    public async Task A_wrong_key_gets_auth_failed()
    {
        await using var sim = Replay();
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks");
        Assert.Equal("connected", (await socket.Receive())![0]!["status"]!.GetValue<string>());
        await socket.Send("""{"action":"auth","params":"nope"}""");
        Assert.Equal("auth_failed", (await socket.Receive())![0]!["status"]!.GetValue<string>());
        Assert.Null(await socket.Receive());
    }

    [Fact]
    public async Task A_client_that_never_authenticates_gets_auth_timeout()
    {
        await using var sim = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = SimulatorFixture.Lake, Speed = ReplaySpeed.Max, ClockStart = Open, AuthTimeout = TimeSpan.FromMilliseconds(100),
        });
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks");
        Assert.Equal("connected", (await socket.Receive())![0]!["status"]!.GetValue<string>());
        Assert.Equal("auth_timeout", (await socket.Receive())![0]!["status"]!.GetValue<string>());
        Assert.Null(await socket.Receive());
    }

    [Fact]
    public async Task A_second_connection_on_a_cluster_gets_max_connections()
    {
        await using var sim = Replay();
        var baseUri = await sim.StartAsync();
        await using var first = await SocketSession.Connect(baseUri, "stocks");
        await first.Authenticate();
        await using var second = await SocketSession.Connect(baseUri, "stocks");
        Assert.Equal("connected", (await second.Receive())![0]!["status"]!.GetValue<string>());
        await second.Send("""{"action":"auth","params":"sim-key"}""");
        var status = (await second.Receive())![0]!;
        Assert.Equal("max_connections", status["status"]!.GetValue<string>());
        Assert.Equal("Maximum number of connections exceeded.", status["message"]!.GetValue<string>());
        Assert.Null(await second.Receive());
        await using var other = await SocketSession.Connect(baseUri, "indices");
        await other.Authenticate();
    }

    [Fact]
    public async Task The_max_connections_fault_refuses_a_first_connection_after_a_good_key()
    {
        await using var sim = Replay();
        var baseUri = await sim.StartAsync();
        await using (var refused = await SocketSession.Connect(baseUri, "stocks", "ws_max_connections"))
        {
            Assert.Equal("connected", (await refused.Receive())![0]!["status"]!.GetValue<string>());
            await refused.Send("""{"action":"auth","params":"sim-key"}""");
            var status = (await refused.Receive())![0]!;
            Assert.Equal("max_connections", status["status"]!.GetValue<string>());
            Assert.Equal("Maximum number of connections exceeded.", status["message"]!.GetValue<string>());
            Assert.Null(await refused.Receive());
            Assert.Equal(WebSocketCloseStatus.PolicyViolation, refused.CloseStatus);
        }
        // The refused connection never held the cluster's slot: a plain connection gets in.
        await using var next = await SocketSession.Connect(baseUri, "stocks");
        await next.Authenticate();
    }

    [Theory]
    [InlineData("ws_force_disconnect", "force_disconnect")]
    [InlineData("ws_slow_consumer", "slow_consumer")]
    public async Task Disconnect_notices_come_as_status_events_before_the_close(string fault, string status)
    {
        await using var sim = Replay();
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks", $"{fault};after=5");
        await socket.Authenticate();
        await Subscribe(socket, "A.SPY");
        var events = await socket.ReadToClose();
        Assert.Equal(5, events.Count(e => e["ev"]!.GetValue<string>() == "A"));
        Assert.Equal(status, events[^1]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drop_mid_frame_aborts_after_part_of_a_frame()
    {
        await using var sim = Replay();
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks", "ws_drop;after=2");
        await socket.Authenticate();
        await Subscribe(socket, "A.SPY");
        var frames = 0;
        await Assert.ThrowsAnyAsync<WebSocketException>(async () =>
        {
            while (await socket.Receive() is not null) frames++;
        });
        Assert.True(frames <= 2, $"{frames} frames before the drop");
    }

    [Fact]
    public async Task Duplicate_and_out_of_order_faults_show_in_the_event_stream()
    {
        await using var sim = Replay(TimeSpan.FromMinutes(2));
        await using (var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks", "ws_duplicate;every=10"))
        {
            await socket.Authenticate();
            await Subscribe(socket, "A.SPY");
            var starts = (await socket.ReadToClose()).Select(e => e["s"]!.GetValue<long>()).ToList();
            Assert.Equal(120 + 12, starts.Count);
            Assert.Equal(120, starts.Distinct().Count());
        }
        await using var other = Replay(TimeSpan.FromMinutes(2));
        await using (var socket = await SocketSession.Connect(await other.StartAsync(), "stocks", "ws_out_of_order;every=10"))
        {
            await socket.Authenticate();
            await Subscribe(socket, "A.SPY");
            var starts = (await socket.ReadToClose()).Select(e => e["s"]!.GetValue<long>()).ToList();
            Assert.Equal(120, starts.Distinct().Count());
            Assert.NotEqual(starts.Order(), starts);
        }
    }
}
