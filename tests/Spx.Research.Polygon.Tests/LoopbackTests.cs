using System.Globalization;
using System.Threading.RateLimiting;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>The client over real HTTP on 127.0.0.1: paging, retries, throttling, timeouts, rate limiting.</summary>
public sealed class LoopbackTests
{
    private static readonly OptionsContractsQuery Spx = new() { UnderlyingTicker = "SPX", Limit = 2 };

    [Fact]
    public async Task Pages_follow_next_url_path_on_our_base_whatever_the_host()
    {
        await using var server = new LoopbackServer((path, _) => Pages.CursorOf(path) switch
        {
            null => Canned.Ok(Pages.Contracts(0, "https://api.polygon.io:443:443/v3/reference/options/contracts?cursor=P1")),
            "P1" => Canned.Ok(Pages.Contracts(1, "https://somewhere-else.example/v3/reference/options/contracts?cursor=P2")),
            "P2" => Canned.Ok(Pages.Contracts(2, "https://api.massive.com:443/v3/reference/options/contracts?cursor=P3")),
            "P3" => Canned.Ok(Pages.Contracts(3, null)),
            _ => Canned.Error(404, "error_404.json"),
        });
        using var client = Clients.Loopback(server);
        var contracts = await client.OptionsContracts(Spx).ToListAsync();

        Assert.Equal(8, contracts.Count);
        Assert.Equal(8, contracts.Select(c => c.Ticker).Distinct().Count());
        Assert.Equal(contracts.OrderBy(c => c.StrikePrice).Select(c => c.Ticker), contracts.Select(c => c.Ticker));
        Assert.Equal(
            ["/v3/reference/options/contracts?underlying_ticker=SPX&limit=2", "/v3/reference/options/contracts?cursor=P1", "/v3/reference/options/contracts?cursor=P2", "/v3/reference/options/contracts?cursor=P3"],
            server.Seen.Select(s => s.PathAndQuery));
        Assert.All(server.Seen, s => Assert.StartsWith($"http://127.0.0.1:{server.Port}/", s.FullUrl));
        Assert.All(server.Seen, s => Assert.Equal("Bearer " + Clients.Secret, s.Authorization));
        Assert.All(server.Seen, s => Assert.DoesNotContain(Clients.Secret, s.FullUrl));
    }

    [Fact]
    public async Task A_looping_cursor_stops_with_a_typed_error_after_yielding_each_page_once()
    {
        await using var server = new LoopbackServer((path, _) => Pages.CursorOf(path) switch
        {
            null => Canned.Ok(Pages.Contracts(0, "https://api.polygon.io/v3/reference/options/contracts?cursor=P1")),
            "P1" => Canned.Ok(Pages.Contracts(1, "https://api.polygon.io/v3/reference/options/contracts?cursor=P2")),
            _ => Canned.Ok(Pages.Contracts(2, "https://api.polygon.io/v3/reference/options/contracts?cursor=P1")),
        });
        using var client = Clients.Loopback(server);
        var seen = new List<OptionsContract>();
        var error = await Assert.ThrowsAsync<PolygonPaginationException>(async () =>
        {
            await foreach (var contract in client.OptionsContracts(Spx)) seen.Add(contract);
        });

        Assert.Equal(3, error.PagesRead);
        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Select(c => c.Ticker).Distinct().Count());
        Assert.Equal(3, server.Count);
        Assert.Equal(Pages.ContractsPath, error.Endpoint);
        Assert.Contains(Pages.ContractsPath, error.Message);
        Assert.DoesNotContain(Clients.Secret, error.ToString());
    }

    [Fact]
    public async Task A_next_url_back_to_the_first_page_is_a_loop()
    {
        await using var server = new LoopbackServer((_, _) => Canned.Ok(Pages.Contracts(0, "https://x.example/v3/reference/options/contracts?underlying_ticker=SPX&limit=2")));
        using var client = Clients.Loopback(server);
        var error = await Assert.ThrowsAsync<PolygonPaginationException>(() => client.OptionsContracts(Spx).ToListAsync());
        Assert.Equal(1, error.PagesRead);
    }

    [Fact]
    public async Task Throttled_page_honours_retry_after_and_records_arrive_once()
    {
        var notices = new List<PolygonRetryNotice>();
        await using var server = new LoopbackServer((path, i) => (Pages.CursorOf(path), i) switch
        {
            (null, _) => Canned.Ok(Pages.Contracts(0, "https://api.polygon.io:443:443/v3/reference/options/contracts?cursor=P1")),
            ("P1", 1) => new Canned(429, "", new Dictionary<string, string> { ["Retry-After"] = "1" }),
            ("P1", _) => Canned.Ok(Pages.Contracts(1, null)),
            _ => Canned.Error(404, "error_404.json"),
        });
        using var client = Clients.Loopback(server, o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromSeconds(5) }, OnRetry = n => { lock (notices) notices.Add(n); } });
        var contracts = await client.OptionsContracts(Spx).ToListAsync();

        Assert.Equal(4, contracts.Count);
        Assert.Equal(4, contracts.Select(c => c.Ticker).Distinct().Count());
        Assert.Equal(3, server.Count);
        var notice = Assert.Single(notices);
        Assert.Equal(429, notice.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(1), notice.Delay);
        Assert.Equal(Pages.ContractsPath, notice.Endpoint);
    }

    [Fact]
    public async Task Retry_after_as_a_past_date_means_no_wait()
    {
        var notices = new List<PolygonRetryNotice>();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("R", CultureInfo.InvariantCulture);
        await using var server = new LoopbackServer((_, i) => i == 0
            ? new Canned(429, Fixture.Read("error_429.json"), new Dictionary<string, string> { ["Retry-After"] = past })
            : Canned.OkFixture("marketstatus_now.json"));
        using var client = Clients.Loopback(server, o => o with { OnRetry = n => { lock (notices) notices.Add(n); } });
        Assert.Equal("extended-hours", (await client.MarketStatusNow()).Market);
        Assert.Equal(TimeSpan.Zero, Assert.Single(notices).Delay);
    }

    [Fact]
    public async Task A_burst_of_server_errors_is_ridden_out()
    {
        var notices = new List<PolygonRetryNotice>();
        await using var server = new LoopbackServer((path, i) => i switch
        {
            0 => Canned.Ok(Pages.Contracts(0, "https://api.polygon.io/v3/reference/options/contracts?cursor=P1")),
            1 => new Canned(500, "{\"status\":\"ERROR\",\"error\":\"internal\"}"),
            2 => new Canned(502, "<html>Bad Gateway</html>"),
            3 => new Canned(503, ""),
            _ => Canned.Ok(Pages.Contracts(1, null)),
        });
        using var client = Clients.Loopback(server, o => o with { OnRetry = n => { lock (notices) notices.Add(n); } });
        var contracts = await client.OptionsContracts(Spx).ToListAsync();

        Assert.Equal(4, contracts.Count);
        Assert.Equal(5, server.Count);
        Assert.Equal([500, 502, 503], notices.Select(n => n.HttpStatus));
        Assert.Equal(0, notices[0].Attempt);
        Assert.Equal(2, notices[2].Attempt);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbled")]
    [InlineData("empty")]
    public async Task A_200_whose_body_is_not_json_is_retried_like_a_5xx(string damage)
    {
        var notices = new List<PolygonRetryNotice>();
        var good = Fixture.Read("marketstatus_now.json");
        await using var server = new LoopbackServer((_, i) => i < 2 ? Canned.Ok(Damaged(good, damage)) : Canned.Ok(good));
        using var client = Clients.Loopback(server, o => o with { OnRetry = n => { lock (notices) notices.Add(n); } });

        Assert.Equal("extended-hours", (await client.MarketStatusNow()).Market);

        Assert.Equal(3, server.Count);
        Assert.Equal([200, 200], notices.Select(n => n.HttpStatus));
        Assert.All(notices, n => Assert.Contains("not valid JSON", n.Reason));
    }

    [Fact]
    public async Task A_body_truncated_on_every_attempt_is_a_typed_decode_error_after_the_retries()
    {
        await using var server = new LoopbackServer((path, _) => Canned.Ok(Damaged(Pages.Contracts(0, null), "truncated")));
        using var client = Clients.Loopback(server);

        var error = await Assert.ThrowsAsync<PolygonDecodeException>(() => client.OptionsContracts(Spx).ToListAsync());

        Assert.Equal(1 + Clients.FastRetry.MaxRetries, server.Count);
        Assert.Equal(Pages.ContractsPath, error.Endpoint);
        Assert.Contains("not valid JSON (truncated or malformed) on every attempt (4 retries)", error.Message);
        Assert.DoesNotContain(Clients.Secret, error.ToString());
    }

    [Fact]
    public async Task Well_formed_json_of_the_wrong_shape_is_not_retried()
    {
        await using var server = new LoopbackServer((_, _) => Canned.Ok("""{"results":[{"o":1,"h":2,"l":0.5,"c":"x","t":1}]}"""));
        using var client = Clients.Loopback(server);

        await Assert.ThrowsAsync<PolygonDecodeException>(() => client.Aggregates("SPY", 1, AggregateTimespan.Day, new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2)).ToListAsync());

        Assert.Equal(1, server.Count);
    }

    /// <summary>A good body cut in half (a dropped connection behind a proxy), garbled (a stray comma), or empty.</summary>
    private static string Damaged(string body, string damage) => damage switch
    {
        "truncated" => body[..(body.Length / 2)],
        "garbled" => body.Insert(body.IndexOf(',', StringComparison.Ordinal), ","),
        _ => "",
    };

    [Theory]
    [InlineData(401, "error_401.json", typeof(PolygonAuthenticationException))]
    [InlineData(403, "error_403.json", typeof(PolygonEntitlementException))]
    public async Task Auth_and_plan_refusals_are_not_retried(int status, string fixture, Type expected)
    {
        await using var server = new LoopbackServer((_, _) => Canned.Error(status, fixture));
        using var client = Clients.Loopback(server);
        var error = await Assert.ThrowsAnyAsync<PolygonApiException>(() => client.OptionChain("I:SPX").ToListAsync());
        Assert.IsType(expected, error);
        Assert.Equal(1, server.Count);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal("/v3/snapshot/options/I:SPX", error.Endpoint);
        Assert.DoesNotContain(Clients.Secret, error.ToString());
    }

    [Fact]
    public async Task Every_attempt_timing_out_is_a_typed_timeout()
    {
        var notices = new List<PolygonRetryNotice>();
        await using var server = new LoopbackServer((_, _) => Canned.OkFixture("marketstatus_now.json") with { Delay = TimeSpan.FromSeconds(5) });
        using var client = Clients.Loopback(server, o => o with
        {
            RequestTimeout = TimeSpan.FromMilliseconds(150),
            Retry = Clients.FastRetry with { MaxRetries = 1 },
            OnRetry = n => { lock (notices) notices.Add(n); },
        });
        var error = await Assert.ThrowsAsync<PolygonTimeoutException>(() => client.MarketStatusNow());
        Assert.Null(error.HttpStatus);
        Assert.Equal("/v1/marketstatus/now", error.Endpoint);
        var notice = Assert.Single(notices);
        Assert.Null(notice.HttpStatus);
        Assert.Equal("no response within 0.15 s", notice.Reason);
        Assert.InRange(server.Count, 1, 2); // a loaded listener may not have accepted the second attempt before it timed out
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried()
    {
        await using var server = new LoopbackServer((_, i) => i == 0
            ? Canned.OkFixture("marketstatus_upcoming.json") with { Delay = TimeSpan.FromSeconds(5) }
            : Canned.OkFixture("marketstatus_upcoming.json"));
        using var client = Clients.Loopback(server, o => o with { RequestTimeout = TimeSpan.FromMilliseconds(150) });
        Assert.Equal(4, (await client.UpcomingMarketDays()).Count);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task Shared_limiter_holds_pages_of_two_clients_until_replenished()
    {
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2,
            TokensPerPeriod = 2,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            QueueLimit = 100,
            AutoReplenishment = false,
        });
        await using var server = new LoopbackServer((path, _) => Pages.CursorOf(path) switch
        {
            null => Canned.Ok(Pages.Contracts(0, "https://api.polygon.io/v3/reference/options/contracts?cursor=P1")),
            _ => Canned.Ok(Pages.Contracts(1, null)),
        });
        using var first = Clients.Loopback(server, o => o with { SharedRateLimiter = limiter });
        using var second = Clients.Loopback(server, o => o with { SharedRateLimiter = limiter });

        var both = Task.WhenAll(first.OptionsContracts(Spx).ToListAsync(), second.OptionsContracts(Spx).ToListAsync());
        await WaitUntil(() => server.Count == 2);
        await Task.Delay(100);
        Assert.Equal(2, server.Count);
        Assert.False(both.IsCompleted);

        Assert.True(limiter.TryReplenish());
        var results = await both;
        Assert.Equal(4, server.Count);
        Assert.All(results, r => Assert.Equal(4, r.Count));
    }

    [Fact]
    public async Task Retries_spend_permits_too()
    {
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            QueueLimit = 10,
            AutoReplenishment = false,
        });
        await using var server = new LoopbackServer((_, i) => i == 0 ? new Canned(503, "") : Canned.OkFixture("marketstatus_now.json"));
        using var client = Clients.Loopback(server, o => o with { SharedRateLimiter = limiter });

        var status = client.MarketStatusNow();
        await WaitUntil(() => server.Count == 1);
        await Task.Delay(100);
        Assert.False(status.IsCompleted);
        Assert.Equal(1, server.Count);

        limiter.TryReplenish();
        Assert.Equal("extended-hours", (await status).Market);
        Assert.Equal(2, server.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_a_server_error()
    {
        var notices = new List<PolygonRetryNotice>();
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = new PolygonRestClient(Clients.Options(new Uri($"http://127.0.0.1:{port}")) with { OnRetry = n => { lock (notices) notices.Add(n); } });
        var error = await Assert.ThrowsAsync<PolygonServerException>(() => client.MarketStatusNow());
        Assert.Null(error.HttpStatus);
        Assert.Equal(Clients.FastRetry.MaxRetries, notices.Count);
        Assert.All(notices, n => Assert.Null(n.HttpStatus));
        Assert.DoesNotContain(Clients.Secret, error.ToString());
    }

    [Fact]
    public void Nonsense_settings_fail_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolygonRestClient(Clients.Options() with { RequestTimeout = TimeSpan.FromMilliseconds(1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolygonRestClient(Clients.Options() with { Retry = new RetrySettings(2, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1)) }));
    }

    [Fact]
    public void Free_plan_is_five_per_minute_by_default()
    {
        var options = new PolygonClientOptions(Clients.Key);
        Assert.Equal(RatePlan.Free, options.RatePlan);
        Assert.Equal((5, TimeSpan.FromSeconds(60)), (options.RatePlan.Permits, options.RatePlan.Window));
        Assert.Equal(new Uri("https://api.massive.com"), options.BaseUri);
        Assert.Null(RatePlan.Unlimited.CreateLimiter());
        using var limiter = RatePlan.Free.CreateLimiter();
        Assert.NotNull(limiter);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
