using System.Text;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

public sealed class BackPressureAndUnsubscribeTests
{
    [Fact]
    public async Task Wait_policy_loses_nothing_when_the_consumer_is_slower_than_the_server()
    {
        const int sent = 500;
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            for (var i = 1; i <= sent; i++) await connection.SendAsync($"[{ServerConnection.Aggregate("SPY", i)}]");
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(StreamClientTests.Options(server) with { ChannelCapacity = 8 });
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);

        var events = await StreamClientTests.ReadUntil(client, e => e is AggregateEvent { Volume: sent });

        Assert.Equal(Enumerable.Range(1, sent).Select(i => (long)i), events.OfType<AggregateEvent>().Select(a => a.Volume!.Value));
        Assert.Equal(0, client.Statistics.EventsDropped);
        Assert.Equal(client.Statistics.EventsReceived, client.Statistics.EventsDelivered);
        await client.CloseAsync();
    }

    [Fact]
    public async Task Unsubscribe_forgets_the_topic_so_a_reconnect_does_not_resubscribe_it()
    {
        var resubscribed = new TaskCompletionSource<string[]>();
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            if (connection.Number == 1)
            {
                await connection.AcceptSubscribeAsync();
                var unsubscribe = await connection.ReceiveAsync();
                foreach (var topic in ServerConnection.TopicsOf(unsubscribe!)) await connection.StatusAsync("success", $"unsubscribed to: {topic}");
                // A close (not an abort) so the reply is flushed before the connection ends; the client reconnects.
                await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, "restart", CancellationToken.None);
                await connection.DrainUntilClosedAsync();
                return;
            }
            resubscribed.TrySetResult(await connection.AcceptSubscribeAsync());
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(StreamClientTests.Options(server));
        await client.ConnectAsync();
        await client.SubscribeAsync(["AM.SPY", "AM.QQQ"]);

        var results = await client.UnsubscribeAsync(["AM.QQQ"]);

        Assert.Equal(new SubscriptionResult("AM.QQQ", "success", "unsubscribed to: AM.QQQ"), Assert.Single(results));
        Assert.Equal(["AM.SPY"], await resubscribed.Task);
        Assert.Equal(["AM.SPY"], client.Subscriptions);
        await client.CloseAsync();
    }

    [Fact]
    public void Decoding_allocates_only_the_events()
    {
        const int count = 1000;
        var json = "[" + string.Join(',', Enumerable.Range(0, count).Select(i => ServerConnection.Aggregate($"O:SPY251219C00{600 + i % 50}000", i))) + "]";
        var frame = Encoding.UTF8.GetBytes(json);
        var decoder = new StreamFrameDecoder();
        var events = new List<StreamEvent>(count);
        decoder.Decode(frame, events); // warm up: symbols interned, code jitted
        events.Clear();

        var before = GC.GetAllocatedBytesForCurrentThread();
        decoder.Decode(frame, events);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(count, events.Count);
        // One AggregateEvent is ~170 bytes; anything per-event beyond it (a symbol string, a DOM) would blow this bound.
        Assert.True(allocated <= count * 200, $"{allocated} bytes for {count} events");
    }
}
