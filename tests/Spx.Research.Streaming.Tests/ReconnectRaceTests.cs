using System.Collections.Concurrent;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

/// <summary>
/// Subscription changes racing a reconnect, on loopback. The race is made certain, not likely: the consumer leaves
/// the channel full (capacity 2), so the client stops between the new connection's handshake and its
/// re-subscription, exactly where a caller's subscribe used to find the new connection and go out a second time.
/// </summary>
public sealed class ReconnectRaceTests
{
    [Fact]
    public async Task A_subscribe_made_while_a_reconnect_re_subscribes_is_sent_once_and_answered_once()
    {
        var drop = new TaskCompletionSource();
        var onSecond = new ConcurrentQueue<string>();
        await using var server = await ScriptedServer.StartAsync(async c =>
        {
            await c.HandshakeAsync();
            if (c.Number == 1)
            {
                await c.AcceptSubscribeAsync();
                await drop.Task;
                c.Abort();
                return;
            }
            while (await c.ReceiveAsync() is { } message)
            {
                foreach (var topic in ServerConnection.TopicsOf(message))
                {
                    onSecond.Enqueue(topic);
                    await c.StatusAsync("success", $"subscribed to: {topic}");
                }
            }
        });
        await using var client = new PolygonStreamClient(StreamClientTests.Options(server) with { ChannelCapacity = 2 });
        await client.ConnectAsync();
        Assert.True(Assert.Single(await client.SubscribeAsync(["A.SPY"])).Succeeded);
        await StreamClientTests.ReadUntil(client, e => e is StatusEvent { Status: "success" });

        drop.SetResult();
        await Reconnected(client); // the new connection's handshake filled the channel: the client waits to announce it
        var late = client.SubscribeAsync(["AM.SPY"]);
        var reading = StreamClientTests.ReadToEnd(client);
        var result = Assert.Single(await late);
        await client.CloseAsync();
        var (events, error) = await reading;

        Assert.Null(error);
        Assert.Equal(("success", "subscribed to: AM.SPY"), (result.Status, result.Message));
        Assert.Equal(["A.SPY", "AM.SPY"], onSecond.Order(StringComparer.Ordinal));
        var afterReconnect = events.SkipWhile(e => e is not ReconnectedEvent).OfType<StatusEvent>().Select(s => s.Message);
        Assert.Equal(["subscribed to: A.SPY", "subscribed to: AM.SPY"], afterReconnect.Where(m => m.StartsWith("subscribed", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    /// <summary>Waits for the first reconnect; the guard only prevents a hung test run.</summary>
    private static async Task Reconnected(PolygonStreamClient client)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (client.Statistics.Reconnects == 0) await Task.Delay(10, guard.Token);
    }
}
