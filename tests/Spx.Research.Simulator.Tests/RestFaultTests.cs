using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Simulator.Tests;

[Collection(SimulatorCollection.Name)]
public sealed class RestFaultTests(SimulatorFixture sim)
{
    private const string Chain = "/v3/snapshot/options/SPX?limit=5";

    private async Task<HttpResponseMessage> Get(string path, string fault)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Sim-Fault", fault);
        return await sim.Client.SendAsync(request);
    }

    [Fact]
    public async Task Rate_limit_storm_sends_429_with_retry_after_then_recovers()
    {
        // n counts per header value, so a unique parameter keeps this test's storm its own.
        const string fault = "rate_limit;n=2;retry_after=3;tag=storm";
        using var first = await Get(Chain, fault);
        using var second = await Get(Chain, fault);
        using var third = await Get(Chain, fault);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter!.Delta);
        Assert.Equal("ERROR", JsonNode.Parse(await first.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Server_error_burst_uses_the_requested_status()
    {
        using var response = await Get(Chain, "server_error;status=502");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task Slow_answers_normally_and_timeout_never_answers()
    {
        using var slow = await Get(Chain, "slow;delay=50");
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var request = new HttpRequestMessage(HttpMethod.Get, Chain);
        request.Headers.Add("X-Sim-Fault", "timeout");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sim.Client.SendAsync(request, cancel.Token));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("malformed")]
    public async Task Broken_bodies_do_not_parse(string fault)
    {
        using var response = await Get(Chain, fault);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Schema_drift_adds_removes_and_retypes_fields()
    {
        var plain = (await Json(await Get("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=3", "slow;delay=0")))["results"]![0]!.AsObject();
        var added = (await Json(await Get("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=3", "drift_added")))["results"]![0]!.AsObject();
        var removed = (await Json(await Get("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=3", "drift_removed")))["results"]![0]!.AsObject();
        var retyped = (await Json(await Get("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=3", "drift_retyped")))["results"]![0]!.AsObject();
        Assert.Equal(plain.Count + 1, added.Count);
        Assert.Equal(plain.Count - 1, removed.Count);
        Assert.Equal(JsonValueKind.Number, plain["v"]!.GetValueKind());
        Assert.Equal(JsonValueKind.String, retyped["v"]!.GetValueKind());
    }

    [Fact]
    public async Task Cursor_faults_bend_next_url()
    {
        var loop = await Json(await Get(Chain, "cursor_loop"));
        Assert.Equal(new Uri(sim.BaseUri, Chain).PathAndQuery, new Uri(loop["next_url"]!.GetValue<string>()).PathAndQuery);
        var page2 = new Uri((await sim.GetObject(Chain))["next_url"]!.GetValue<string>()).PathAndQuery;
        var loop2 = await Json(await Get(page2, "cursor_loop"));
        Assert.Equal(page2, new Uri(loop2["next_url"]!.GetValue<string>()).PathAndQuery);

        var doubled = (await Json(await Get(Chain, "doubled_port")))["next_url"]!.GetValue<string>();
        Assert.Contains($":{sim.BaseUri.Port}:{sim.BaseUri.Port}/", doubled, StringComparison.Ordinal);
        var foreign = (await Json(await Get(Chain, "foreign_host")))["next_url"]!.GetValue<string>();
        Assert.StartsWith("https://api.polygon.invalid:443/v3/snapshot/options/SPX?cursor=", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_failure_rejects_the_right_key()
    {
        using var response = await Get(Chain, "auth_failure");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unknown API Key", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Not_entitled_is_a_403_not_authorized_with_the_text_in_message()
    {
        using var response = await Get(Chain, "not_entitled");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("NOT_AUTHORIZED", body["status"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), body["request_id"]!.GetValue<string>());
        Assert.Equal("You are not entitled to this data. Please upgrade your plan at https://massive.com/pricing", body["message"]!.GetValue<string>());
        Assert.False(body.ContainsKey("error"));
    }

    [Fact]
    public async Task Not_entitled_still_checks_the_key_first()
    {
        using var client = sim.NewClient("wrong-key");
        using var request = new HttpRequestMessage(HttpMethod.Get, Chain);
        request.Headers.Add("X-Sim-Fault", "not_entitled");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_fault_name_is_a_400_naming_it()
    {
        using var response = await Get(Chain, "gremlins");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("gremlins", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_plan_fires_only_on_its_endpoint()
    {
        var plan = new FaultPlan(7, [new FaultRule("news", FaultNames.ServerError, Count: 1)]);
        await using var planned = new PolygonSimulator(new SimulatorOptions { LakeRoot = SimulatorFixture.Lake, Speed = ReplaySpeed.Max, ClockStart = SimulatorFixture.Now, Faults = plan });
        using var client = new HttpClient { BaseAddress = await planned.StartAsync() };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sim-key");
        using var status = await client.GetAsync("/v1/marketstatus/now");
        using var first = await client.GetAsync("/v2/reference/news");
        using var second = await client.GetAsync("/v2/reference/news");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public void Probabilistic_faults_are_deterministic_given_the_seed()
    {
        var plan = new FaultPlan(42, [new FaultRule("*", FaultNames.RateLimit, Probability: 0.5)]);
        var a = new FaultInjector(plan);
        var b = new FaultInjector(plan);
        var runA = Enumerable.Range(0, 50).Select(_ => a.Decide("aggs", null).Count).ToList();
        var runB = Enumerable.Range(0, 50).Select(_ => b.Decide("aggs", null).Count).ToList();
        Assert.Equal(runA, runB);
        Assert.Contains(0, runA);
        Assert.Contains(1, runA);
    }

    [Fact]
    public void A_plan_file_loads()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"seed":3,"rules":[{"endpoint":"aggs","fault":"rate_limit","p":0.25,"n":4,"retry_after":"2"}]}""");
            var plan = FaultPlan.Load(path);
            var rule = Assert.Single(plan.Rules);
            Assert.Equal((3L, "aggs", "rate_limit", 0.25, 4, 2), (plan.Seed, rule.Endpoint, rule.Fault, rule.Probability, rule.Count!.Value, rule.Int("retry_after", 0)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        using (response) return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
