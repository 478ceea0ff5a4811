using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>Non-200 answers become typed errors; client errors are never retried.</summary>
public sealed class ErrorTests
{
    private static readonly DateOnly Day = new(2024, 1, 2);

    private static async Task<(TException Error, FakeHandler Handler)> Fail<TException>(Canned canned)
        where TException : PolygonApiException
    {
        var handler = new FakeHandler(canned);
        using var client = Clients.Fake(handler);
        var error = await Assert.ThrowsAsync<TException>(() => client.Aggregates("I:SPX", 1, AggregateTimespan.Day, Day, Day).ToListAsync());
        return (error, handler);
    }

    [Fact]
    public async Task Unauthorized_reads_error_field_and_says_which_variable_to_check()
    {
        var (error, handler) = await Fail<PolygonAuthenticationException>(Canned.Error(401, "error_401.json"));
        Assert.Equal(1, handler.Count);
        Assert.Equal(401, error.HttpStatus);
        Assert.Equal("Unknown API Key", error.ServerText);
        Assert.Equal("a2b3c4", error.RequestId);
        Assert.Equal("/v2/aggs/ticker/I:SPX/range/1/day/2024-01-02/2024-01-02", error.Endpoint);
        Assert.Contains("MASSIVE_API_KEY", error.Message);
    }

    [Fact]
    public async Task Missing_key_reported_as_400_is_an_authentication_error()
    {
        var (error, handler) = await Fail<PolygonAuthenticationException>(Canned.Error(400, "error_400_no_key.json"));
        Assert.Equal(1, handler.Count);
        Assert.Equal(400, error.HttpStatus);
    }

    [Theory]
    [InlineData("error_403.json", "You are not entitled to this data")]
    [InlineData("error_403_timeframe.json", "Your plan doesn't include this data timeframe")]
    public async Task Forbidden_reads_message_field_and_names_the_plan(string fixture, string text)
    {
        var (error, handler) = await Fail<PolygonEntitlementException>(Canned.Error(403, fixture));
        Assert.Equal(1, handler.Count);
        Assert.StartsWith(text, error.ServerText);
        Assert.Contains("your plan does not include this data", error.Message);
        Assert.Contains("NOT_AUTHORIZED", error.Message);
    }

    [Fact]
    public async Task Not_found_is_typed_and_not_retried()
    {
        var (error, handler) = await Fail<PolygonNotFoundException>(Canned.Error(404, "error_404.json"));
        Assert.Equal(1, handler.Count);
        Assert.Equal("Options contract not found.", error.ServerText);
    }

    [Fact]
    public async Task Throttled_with_an_empty_body_is_retried_then_typed()
    {
        var (error, handler) = await Fail<PolygonThrottledException>(Canned.Error(429));
        Assert.Equal(1 + Clients.FastRetry.MaxRetries, handler.Count);
        Assert.Null(error.ServerText);
        Assert.Equal(429, error.HttpStatus);
    }

    [Fact]
    public async Task Throttled_body_text_is_kept()
    {
        var (error, _) = await Fail<PolygonThrottledException>(Canned.Error(429, "error_429.json"));
        Assert.StartsWith("You've exceeded the maximum requests per minute", error.ServerText);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Server_errors_are_retried_then_typed(int status)
    {
        var (error, handler) = await Fail<PolygonServerException>(new Canned(status, "<html>bad gateway</html>"));
        Assert.Equal(1 + Clients.FastRetry.MaxRetries, handler.Count);
        Assert.Equal("<html>bad gateway</html>", error.ServerText);
    }

    [Fact]
    public async Task Other_client_errors_are_the_base_type_and_not_retried()
    {
        var handler = new FakeHandler(new Canned(409, "{\"status\":\"ERROR\",\"error\":\"Parameter is invalid\"}"));
        using var client = Clients.Fake(handler);
        var error = await Assert.ThrowsAsync<PolygonApiException>(() => client.MarketStatusNow());
        Assert.Equal(1, handler.Count);
        Assert.Equal(409, error.HttpStatus);
        Assert.Equal("Parameter is invalid", error.ServerText);
    }

    [Fact]
    public async Task Malformed_json_names_endpoint_and_position()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.Ok("{\"results\":[{\"o\":1,\"h\":2,\"l\":0.5,\"c\":\"x\",\"t\":1}]}")));
        var error = await Assert.ThrowsAsync<PolygonDecodeException>(() => client.Aggregates("SPY", 1, AggregateTimespan.Day, Day, Day).ToListAsync());
        // The path names the bar; the bar reader's message names the field.
        Assert.Equal("$.results[0]", error.JsonPath);
        Assert.NotNull(error.ByteOffset);
        Assert.Contains("/v2/aggs/ticker/SPY/range/1/day/2024-01-02/2024-01-02", error.Message);
        Assert.Contains("$.results[0]", error.Message);
        Assert.Contains("'c' must be a finite number", error.Message);
    }

    [Fact]
    public async Task A_bar_without_its_start_is_a_decode_error()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.Ok("{\"results\":[{\"o\":1,\"h\":2,\"l\":0.5,\"c\":1}]}")));
        await Assert.ThrowsAsync<PolygonDecodeException>(() => client.Aggregates("SPY", 1, AggregateTimespan.Day, Day, Day).ToListAsync());
    }

    [Fact]
    public async Task Caller_cancellation_is_not_wrapped()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.OkFixture("aggs_index.json")));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.MarketStatusNow(cancel.Token));
    }
}
