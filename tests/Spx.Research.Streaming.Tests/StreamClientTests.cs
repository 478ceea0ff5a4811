using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

/// <summary>The real client against a real WebSocket server on loopback, scripted per test.</summary>
public sealed class StreamClientTests
{
    internal const string Secret = "sEcReT-kEy-0123456789";
    private static readonly ApiKey Key = new(Secret);

    internal static PolygonStreamOptions Options(ScriptedServer server, int maxAttempts = 3) => new()
    {
        ApiKey = Key,
        BaseUri = server.BaseUri,
        Cluster = StreamCluster.Stocks,
        Reconnect = new StreamReconnectPolicy(maxAttempts, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(10)),
    };

    /// <summary>Reads until <paramref name="stop"/> says so; the guard only prevents a hung test run.</summary>
    internal static async Task<List<StreamEvent>> ReadUntil(PolygonStreamClient client, Func<StreamEvent, bool> stop)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<StreamEvent>();
        await foreach (var ev in client.ReadAllAsync(guard.Token))
        {
            events.Add(ev);
            if (stop(ev)) break;
        }
        return events;
    }

    internal static async Task<(List<StreamEvent> Events, Exception? Error)> ReadToEnd(PolygonStreamClient client)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<StreamEvent>();
        try
        {
            await foreach (var ev in client.ReadAllAsync(guard.Token)) events.Add(ev);
            return (events, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (events, e);
        }
    }

    [Theory]
    [InlineData("connected")]
    [InlineData("success")]
    public async Task Handshake_authenticates_then_subscribe_reports_per_topic(string connectedStatus)
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync(connectedStatus);
            var subscribe = await connection.ReceiveAsync();
            var topics = ServerConnection.TopicsOf(subscribe!);
            await connection.StatusAsync("success", $"subscribed to: {topics[0]}");
            await connection.StatusAsync("error", "not entitled");
            await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", 1)}]");
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));

        await client.ConnectAsync();
        var results = await client.SubscribeAsync(["AM.SPY", "AM.O:SPY251219C00650000"]);

        Assert.Equal(["/stocks"], server.Paths);
        Assert.True(server.Received.Reader.TryRead(out var auth));
        Assert.Equal($$"""{"action":"auth","params":"{{Secret}}"}""", auth);
        Assert.True(server.Received.Reader.TryRead(out var subscribeMessage));
        Assert.Equal("""{"action":"subscribe","params":"AM.SPY,AM.O:SPY251219C00650000"}""", subscribeMessage);
        Assert.Collection(results,
            r => Assert.Equal(new SubscriptionResult("AM.SPY", "success", "subscribed to: AM.SPY"), r),
            r => Assert.Equal(new SubscriptionResult("AM.O:SPY251219C00650000", "error", "not entitled"), r));
        Assert.Equal(["AM.SPY"], client.Subscriptions);

        var events = await ReadUntil(client, e => e is AggregateEvent);
        Assert.Equal([connectedStatus, "auth_success", "success", "error"], events.OfType<StatusEvent>().Select(s => s.Status));
        Assert.Equal("SPY", ((AggregateEvent)events[^1]).Symbol);

        await client.CloseAsync();
        var (rest, error) = await ReadToEnd(client);
        Assert.Null(error);
        Assert.Empty(rest);
        Assert.Equal(1, server.Connections);
        Assert.Equal(0, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Auth_failed_is_a_typed_exception_and_ends_the_stream()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.StatusAsync("connected", "Connected Successfully");
            await connection.ReceiveAsync();
            await connection.StatusAsync("auth_failed", $"authentication failed for {Secret}");
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));

        var error = await Assert.ThrowsAsync<PolygonStreamAuthException>(() => client.ConnectAsync());

        Assert.Equal("auth_failed", error.Status);
        Assert.DoesNotContain(Secret, error.ToString());
        Assert.Contains(ApiKey.Mask, error.Message);
        await Assert.ThrowsAsync<PolygonStreamAuthException>(() => client.Completion);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Drop_mid_stream_reconnects_reauthenticates_resubscribes_and_loses_nothing_sent_after()
    {
        var resubscribed = new TaskCompletionSource<string[]>();
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            if (connection.Number == 1)
            {
                await connection.AcceptSubscribeAsync();
                for (var i = 1; i <= 5; i++) await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", i)}]");
                connection.Abort();
                return;
            }
            resubscribed.TrySetResult(await connection.AcceptSubscribeAsync());
            // After the resubscribe: one plain frame, one large frame in fragments (reassembled by the client).
            await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", 6)},{ServerConnection.Aggregate("I:SPX", 7)}]");
            var big = string.Join(',', Enumerable.Range(8, 2000).Select(i => ServerConnection.Aggregate("O:SPXW240104C04685000", i)));
            await connection.SendFragmentedAsync($"[{big}]", 37);
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY", "A.I:SPX", "A.O:SPXW240104C04685000"]);

        var events = await ReadUntil(client, e => e is AggregateEvent { Volume: 2007 });

        Assert.Equal(["A.SPY", "A.I:SPX", "A.O:SPXW240104C04685000"], await resubscribed.Task);
        var reconnected = Assert.Single(events.OfType<ReconnectedEvent>());
        Assert.Equal(1, reconnected.Reconnects);
        Assert.DoesNotContain(Secret, reconnected.Cause);
        var afterReconnect = events.SkipWhile(e => e is not ReconnectedEvent).OfType<AggregateEvent>().Select(a => a.Volume!.Value).ToList();
        Assert.Equal(Enumerable.Range(6, 2002).Select(i => (long)i), afterReconnect);
        Assert.Equal(2, server.Connections);
        Assert.Equal(1, client.Statistics.Reconnects);
        var sent = new List<string>();
        while (server.Received.Reader.TryRead(out var message)) sent.Add(message);
        Assert.Equal(2, sent.Count(m => m.Contains("\"auth\"", StringComparison.Ordinal)));

        await client.CloseAsync();
        Assert.Null((await ReadToEnd(client)).Error);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task Max_connections_notice_is_delivered_then_ends_the_stream_without_reconnecting()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            await connection.StatusAsync("max_connections", "Maximum number of connections exceeded.");
            await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, "bye", CancellationToken.None);
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));
        await client.ConnectAsync();
        await client.SubscribeAsync(["AM.SPY"]);

        var (events, error) = await ReadToEnd(client);

        var notice = Assert.IsType<DisconnectNoticeEvent>(events[^1]);
        Assert.Equal(DisconnectReason.MaxConnections, notice.Reason);
        var disconnected = Assert.IsType<PolygonStreamDisconnectedException>(error);
        Assert.Equal(DisconnectReason.MaxConnections, disconnected.Reason);
        Assert.Equal(1, server.Connections);
        Assert.Equal(0, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Slow_consumer_notice_reconnects()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            if (connection.Number == 1)
            {
                await connection.StatusAsync("slow_consumer", "too slow");
                await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, "slow", CancellationToken.None);
                await connection.DrainUntilClosedAsync();
                return;
            }
            await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", 42)}]");
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));
        await client.ConnectAsync();
        await client.SubscribeAsync(["AM.SPY"]);

        var events = await ReadUntil(client, e => e is AggregateEvent);

        Assert.Equal(DisconnectReason.SlowConsumer, Assert.Single(events.OfType<DisconnectNoticeEvent>()).Reason);
        Assert.Single(events.OfType<ReconnectedEvent>());
        Assert.Equal(42, ((AggregateEvent)events[^1]).Volume);
        await client.CloseAsync();
    }

    [Fact]
    public async Task Drop_oldest_counts_every_dropped_event()
    {
        const int sent = 100;
        var allSent = new TaskCompletionSource();
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            for (var i = 1; i <= sent; i++) await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", i)}]");
            allSent.SetResult();
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server) with { ChannelCapacity = 4, BackPressure = StreamBackPressure.DropOldest });
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);
        await allSent.Task;

        // connected + auth_success + subscribe reply + the aggregates; wait until the receive loop has taken them all.
        const int expected = 3 + sent;
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (client.Statistics.EventsReceived < expected) await Task.Delay(5, guard.Token);

        var kept = new List<StreamEvent>();
        while (client.Events.TryRead(out var ev)) kept.Add(ev);

        Assert.Equal([97L, 98L, 99L, 100L], kept.Select(e => ((AggregateEvent)e).Volume!.Value));
        var stats = client.Statistics;
        Assert.Equal(expected, stats.EventsReceived);
        Assert.Equal(4, stats.EventsDelivered);
        Assert.Equal(expected - 4, stats.EventsDropped);
        Assert.Equal(stats.EventsReceived, stats.EventsDelivered + stats.EventsDropped);
        await client.CloseAsync();
    }

    [Fact]
    public async Task Reconnect_gives_up_after_the_policy_limit_with_a_typed_error()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            if (connection.Number > 1)
            {
                await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, $"down {Secret}", CancellationToken.None);
                return;
            }
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            connection.Abort();
        });
        await using var client = new PolygonStreamClient(Options(server, maxAttempts: 3));
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);

        var (_, error) = await ReadToEnd(client);

        var gaveUp = Assert.IsType<PolygonStreamReconnectException>(error);
        Assert.Equal(3, gaveUp.Attempts);
        Assert.Equal(4, server.Connections);
        Assert.IsAssignableFrom<PolygonStreamException>(gaveUp.InnerException);
        Assert.DoesNotContain(Secret, gaveUp.ToString());
    }

    [Fact]
    public async Task Server_initiated_normal_close_reconnects_but_our_close_does_not()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            if (connection.Number == 1)
            {
                await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                await connection.DrainUntilClosedAsync();
                return;
            }
            await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", 1)}]");
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);

        await ReadUntil(client, e => e is AggregateEvent);
        await client.CloseAsync();
        var (_, error) = await ReadToEnd(client);

        Assert.Null(error);
        Assert.Equal(2, server.Connections);
        Assert.Equal(1, client.Statistics.Reconnects);
    }

    [Fact]
    public async Task Garbage_and_unknown_events_are_counted_and_the_stream_goes_on()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            await connection.SendAsync("this is not json");
            await connection.SendAsync("""{"ev":"status","status":"not an array"}""");
            await connection.SendAsync("""[{"ev":"Q","sym":"O:SPY251219C00650000","bp":1.0}]""");
            await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", 9)}]");
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(Options(server));
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);

        var events = await ReadUntil(client, e => e is AggregateEvent);

        Assert.Equal(2, events.OfType<DecodeErrorEvent>().Count());
        Assert.Equal("Q", Assert.Single(events.OfType<UnknownEvent>()).EventType);
        var stats = client.Statistics;
        Assert.Equal(2, stats.DecodeErrors);
        Assert.Equal(1, stats.UnknownEvents);
        await client.CloseAsync();
    }

    [Fact]
    public async Task Endpoint_appends_the_cluster_path()
    {
        var options = new PolygonStreamOptions { ApiKey = Key, Cluster = StreamCluster.Indices };
        Assert.Equal(new Uri("wss://socket.massive.com/indices"), options.Endpoint);
        Assert.Equal(new Uri("wss://delayed.massive.com/options"), (options with { BaseUri = PolygonStreamOptions.Delayed, Cluster = StreamCluster.Options }).Endpoint);
        Assert.Equal(new Uri("ws://127.0.0.1:5000/ws/stocks"), (options with { BaseUri = new Uri("ws://127.0.0.1:5000/ws/"), Cluster = StreamCluster.Stocks }).Endpoint);
        await using var client = new PolygonStreamClient(options);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SubscribeAsync(["A.SPY"]));
    }
}
