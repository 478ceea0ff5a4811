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

/// <summary>The reconnect backoff run by Polly: every attempt announced, the policy's delays kept, the wait cancellable.</summary>
public sealed class ReconnectBackoffTests
{
    [Fact]
    public async Task Each_reconnect_attempt_is_announced_with_its_number_wait_and_cause()
    {
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            if (connection.Number > 1)
            {
                await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.InternalServerError, $"down {StreamClientTests.Secret}", CancellationToken.None);
                return;
            }
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            connection.Abort();
        });
        var notices = new List<StreamReconnectNotice>();
        var policy = new StreamReconnectPolicy(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(15), Multiplier: 3, Jitter: 0);
        await using var client = new PolygonStreamClient(StreamClientTests.Options(server) with
        {
            Reconnect = policy,
            OnReconnectAttempt = n => { lock (notices) notices.Add(n); },
        });
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);

        var (_, error) = await StreamClientTests.ReadToEnd(client);

        Assert.IsType<PolygonStreamReconnectException>(error);
        Assert.Equal([1, 2, 3], notices.Select(n => n.Attempt));
        Assert.All(notices, n => Assert.Equal(3, n.MaxAttempts));
        // Multiplier 3 from 10 ms, capped at 15 ms, no jitter: the policy's own delays, not Polly's factor of 2.
        Assert.Equal([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(15), TimeSpan.FromMilliseconds(15)], notices.Select(n => n.Delay));
        Assert.StartsWith("connection lost", notices[0].Reason);
        Assert.Contains("closed the connection during the handshake", notices[1].Reason);
        Assert.All(notices, n => Assert.DoesNotContain(StreamClientTests.Secret, n.Reason));
        Assert.Equal(4, server.Connections);
    }

    [Fact]
    public async Task Disposing_during_a_long_backoff_ends_the_stream_without_another_attempt()
    {
        var waiting = new TaskCompletionSource<StreamReconnectNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedServer.StartAsync(async connection =>
        {
            await connection.HandshakeAsync();
            await connection.AcceptSubscribeAsync();
            await connection.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            await connection.DrainUntilClosedAsync();
        });
        var client = new PolygonStreamClient(StreamClientTests.Options(server) with
        {
            Reconnect = new StreamReconnectPolicy(5, TimeSpan.FromHours(1), TimeSpan.FromHours(1)),
            HandshakeTimeout = TimeSpan.FromHours(1), // a close that waited for the run to notice would hang here
            OnReconnectAttempt = n => waiting.TrySetResult(n),
        });
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.SPY"]);

        var notice = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a guard against a hung run, not a timing claim
        await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, notice.Attempt);
        Assert.True(client.Completion.IsCompletedSuccessfully);
        Assert.Equal(1, server.Connections);
    }
}
