using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

/// <summary>The key goes out in the auth message and nowhere else: no exception, no ToString, no event.</summary>
public sealed class KeySecrecyTests
{
    private const string Secret = StreamClientTests.Secret;

    [Fact]
    public async Task Key_is_only_on_the_wire_in_the_auth_message()
    {
        var texts = new List<string>();

        // A server that echoes the key everywhere it can: status messages, unknown events, close reasons.
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.StatusAsync("connected", $"hello {Secret}");
            await connection.ReceiveAsync();
            if (connection.Number == 1)
            {
                await connection.StatusAsync("auth_success", $"welcome {Secret}");
                await connection.AcceptSubscribeAsync();
                await connection.SendAsync($$"""[{"ev":"XYZ","k":"{{Secret}}"},{"ev":"A","sym":"{{Secret}}"}]""");
                await connection.SendAsync($"not json {Secret}");
                await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, $"bye {Secret}", CancellationToken.None);
                await connection.DrainUntilClosedAsync();
                return;
            }
            await connection.StatusAsync("auth_failed", $"bad key {Secret}");
        });

        var options = StreamClientTests.Options(server);
        texts.Add(options.ToString());
        texts.Add(options.ApiKey.ToString());
        await using var client = new PolygonStreamClient(options);
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);
        var (events, error) = await StreamClientTests.ReadToEnd(client);

        Assert.IsType<PolygonStreamAuthException>(error);
        texts.Add(error!.ToString());
        texts.AddRange(events.Select(e => e.ToString()));
        texts.Add(client.Statistics.ToString());
        Assert.Contains(events, e => e is UnknownEvent);
        Assert.Contains(events, e => e is DecodeErrorEvent);

        Assert.All(texts, text => Assert.DoesNotContain(Secret, text));
        var sent = new List<string>();
        while (server.Received.Reader.TryRead(out var message)) sent.Add(message);
        Assert.Equal(2, sent.Count(m => m.Contains(Secret, StringComparison.Ordinal)));
        Assert.All(sent.Where(m => m.Contains(Secret, StringComparison.Ordinal)), m => Assert.Equal($$"""{"action":"auth","params":"{{Secret}}"}""", m));
    }

    [Fact]
    public async Task Unreachable_server_error_does_not_contain_the_key()
    {
        var options = new PolygonStreamOptions { ApiKey = new ApiKey(Secret), BaseUri = new Uri("ws://127.0.0.1:1") };
        await using var client = new PolygonStreamClient(options);
        var error = await Assert.ThrowsAsync<PolygonStreamException>(() => client.ConnectAsync());
        Assert.DoesNotContain(Secret, error.ToString());
    }
}
