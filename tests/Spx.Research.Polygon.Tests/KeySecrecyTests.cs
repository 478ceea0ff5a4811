using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>The key travels in the Authorization header and nowhere else.</summary>
public sealed class KeySecrecyTests
{
    private static readonly DateOnly Day = new(2024, 1, 2);

    [Fact]
    public async Task Key_is_a_bearer_header_and_never_in_a_url()
    {
        var handler = new FakeHandler((path, i) => i == 0
            ? Canned.Ok($"{{\"results\":[],\"next_url\":\"https://api.polygon.io/v2/aggs/ticker/SPY/range/1/day/2024-01-02/2024-01-02?cursor=abc&apiKey={Clients.Secret}\"}}")
            : Canned.OkFixture("aggs_empty_results.json"));
        using var client = Clients.Fake(handler);
        await client.Aggregates("SPY", 1, AggregateTimespan.Day, Day, Day).ToListAsync();

        Assert.Equal(2, handler.Count);
        Assert.All(handler.Seen, s => Assert.Equal("Bearer " + Clients.Secret, s.Authorization));
        Assert.All(handler.Seen, s => Assert.DoesNotContain(Clients.Secret, s.FullUrl));
        Assert.DoesNotContain("apiKey", handler.Seen[1].FullUrl, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Server_text_echoing_the_key_is_redacted_everywhere()
    {
        var body = $"{{\"status\":\"ERROR\",\"request_id\":\"{Clients.Secret}\",\"error\":\"Unknown API Key {Clients.Secret}\"}}";
        using var client = Clients.Fake(new FakeHandler(new Canned(401, body)));
        var error = await Assert.ThrowsAsync<PolygonAuthenticationException>(() => client.OptionsContract("O:SPY251219C00600000"));

        Assert.DoesNotContain(Clients.Secret, error.Message);
        Assert.DoesNotContain(Clients.Secret, error.ServerText);
        Assert.DoesNotContain(Clients.Secret, error.ToString());
        Assert.Contains(ApiKey.Mask, error.ServerText);
    }

    [Fact]
    public async Task Key_in_a_path_is_redacted_in_the_endpoint()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.Error(404, "error_404.json")));
        var error = await Assert.ThrowsAsync<PolygonNotFoundException>(() => client.OptionChain(Clients.Secret).ToListAsync());
        Assert.DoesNotContain(Clients.Secret, error.Endpoint);
        Assert.DoesNotContain(Clients.Secret, error.ToString());
    }

    [Fact]
    public void Options_and_client_to_string_hide_the_key()
    {
        var options = Clients.Options();
        using var client = new PolygonRestClient(options);
        Assert.DoesNotContain(Clients.Secret, options.ToString());
        Assert.DoesNotContain(Clients.Secret, client.ToString());
        Assert.DoesNotContain(Clients.Secret, client.Options.ToString());
    }

    [Fact]
    public async Task Retry_notices_carry_no_key()
    {
        var notices = new List<PolygonRetryNotice>();
        var handler = new FakeHandler((_, i) => i < 2 ? new Canned(503, Clients.Secret) : Canned.OkFixture("marketstatus_now.json"));
        using var client = Clients.Fake(handler, o => o with { OnRetry = n => { lock (notices) notices.Add(n); } });
        await client.MarketStatusNow();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.DoesNotContain(Clients.Secret, n.ToString()));
    }
}
