using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Streaming.Tests;

public sealed class PolicyAndTimeoutTests
{
    [Fact]
    public void Backoff_grows_exponentially_within_the_jitter_band_and_is_capped()
    {
        var policy = new StreamReconnectPolicy(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), Multiplier: 2, Jitter: 0.25);
        var random = new Random(7);
        double[] nominal = [100, 200, 400, 800, 1000, 1000];
        for (var attempt = 1; attempt <= nominal.Length; attempt++)
        {
            for (var draw = 0; draw < 50; draw++)
            {
                var delay = policy.DelayBefore(attempt, random).TotalMilliseconds;
                Assert.InRange(delay, nominal[attempt - 1] * 0.75, nominal[attempt - 1] * 1.25);
            }
        }
        var withoutJitter = policy with { Jitter = 0 };
        Assert.Equal(TimeSpan.FromMilliseconds(400), withoutJitter.DelayBefore(3, random));
    }

    [Fact]
    public async Task A_server_that_never_says_connected_fails_the_handshake_with_a_typed_error()
    {
        await using var server = await ScriptedServer.StartAsync(connection => connection.DrainUntilClosedAsync());
        await using var client = new PolygonStreamClient(StreamClientTests.Options(server) with { HandshakeTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<PolygonStreamException>(() => client.ConnectAsync());

        Assert.Contains("auth_success", error.Message);
        await Assert.ThrowsAsync<PolygonStreamException>(() => client.Completion);
    }

    [Fact]
    public async Task A_subscribe_the_server_never_answers_reports_timeout_per_topic()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.DrainUntilClosedAsync();
        });
        await using var client = new PolygonStreamClient(StreamClientTests.Options(server) with { ReplyTimeout = TimeSpan.FromMilliseconds(200) });
        await client.ConnectAsync();

        var results = await client.SubscribeAsync(["A.SPY", "A.QQQ"]);

        Assert.All(results, r => Assert.Equal("timeout", r.Status));
        Assert.False(results[0].Succeeded);
        await client.CloseAsync();
    }
}
