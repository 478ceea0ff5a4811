using Spx.Research.Polygon.Rest;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;
using Spx.Research.Simulator.Http;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// The fault matrix: a multi-page download under each fault the simulator injects. The client either
/// delivers exactly the records of a clean run — none lost, none twice — or throws a typed error that
/// names the endpoint. Never a silent gap, never a stray exception type, never the key in a message.
/// Where a row gives <c>requests</c>, the server saw exactly that many: a 401 or 403 is final, never retried.
/// </summary>
public sealed class FaultMatrixTests
{
    private static readonly DateOnly From = new(2025, 3, 3);
    private static readonly DateOnly To = new(2025, 3, 7);

    [Theory]
    [InlineData("rate_limit", "n=2;retry_after=1", "complete")]
    [InlineData("server_error", "n=3", "complete")]
    [InlineData("server_error", "n=3;status=502", "complete")]
    [InlineData("slow", "delay=300", "complete")]
    [InlineData("timeout", "n=1", "complete")]
    [InlineData("doubled_port", "", "complete")]
    [InlineData("foreign_host", "", "complete")]
    [InlineData("drift_added", "", "complete")]
    [InlineData("cursor_loop", "", nameof(PolygonPaginationException))]
    [InlineData("auth_failure", "", nameof(PolygonAuthenticationException), 1)]
    [InlineData("not_entitled", "", nameof(PolygonEntitlementException), 1)]
    [InlineData("truncated", "n=2", "complete")]
    [InlineData("malformed", "n=2", "complete")]
    [InlineData("truncated", "n=50", nameof(PolygonDecodeException))]
    [InlineData("malformed", "n=50", nameof(PolygonDecodeException))]
    [InlineData("rate_limit", "n=50;retry_after=1", nameof(PolygonThrottledException))]
    [InlineData("server_error", "n=50", nameof(PolygonServerException))]
    [InlineData("drift_removed", "", "complete or typed")]
    [InlineData("drift_retyped", "", "complete or typed")]
    public async Task Each_fault_gives_every_record_once_or_a_typed_error(string fault, string parameters, string expected, int? requests = null)
    {
        var reference = await Download(FaultPlan.None);
        Assert.Equal(5 * 390, reference.Count);

        var plan = new FaultPlan(7, [new FaultRule("aggs", fault, 1, Count(parameters), Parameters(parameters))]);
        List<AggregateBar>? bars = null;
        Exception? error = null;
        long served = 0;
        try
        {
            bars = await Download(plan, timeout: fault == "timeout" ? TimeSpan.FromSeconds(1) : null, served: n => served = n);
        }
        catch (Exception e)
        {
            error = e;
        }

        if (error is null)
        {
            Assert.True(expected is "complete" or "complete or typed", $"{fault}: expected {expected}, the download completed");
            // Every bar once, in order: nothing lost or repeated. Schema drift may blank an optional field
            // (as index bars have no volume), so drifted bodies are compared by bar, the others in full.
            Assert.Equal(reference.Select(b => b.Start), bars!.Select(b => b.Start));
            if (!fault.StartsWith("drift_", StringComparison.Ordinal)) Assert.Equal(reference, bars);
            return;
        }

        Assert.True(expected != "complete", $"{fault}: expected a complete download, got {error.GetType().Name}: {error.Message}");
        var api = Assert.IsAssignableFrom<PolygonApiException>(error);
        if (expected != "complete or typed") Assert.Equal(expected, error.GetType().Name);
        Assert.StartsWith("/v2/aggs/ticker/SPY", api.Endpoint);
        Assert.DoesNotContain(Loopback.Key, error.ToString());
        if (requests is { } expectedRequests) Assert.Equal(expectedRequests, served);
        // The 403 body carries its text in "message", not "error": the client must still surface it.
        if (fault == "not_entitled") Assert.Equal(RestPipeline.NotEntitledMessage, api.ServerText);
    }

    /// <summary>Downloads the week; <paramref name="served"/> hears how many requests the server saw, even when the download throws.</summary>
    private static async Task<List<AggregateBar>> Download(FaultPlan plan, TimeSpan? timeout = null, Action<long>? served = null)
    {
        var (simulator, baseUri) = await Loopback.Start(plan);
        await using var _ = simulator;
        try
        {
            using var client = Loopback.Client(baseUri, timeout: timeout);
            var bars = new List<AggregateBar>();
            await foreach (var bar in client.Aggregates("SPY", 1, AggregateTimespan.Minute, From, To, limit: 500))
                bars.Add(bar);
            return bars;
        }
        finally
        {
            served?.Invoke(simulator.RestRequests);
        }
    }

    private static int? Count(string parameters) =>
        Parameters(parameters).TryGetValue("n", out var n) ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static Dictionary<string, string> Parameters(string parameters) =>
        parameters.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
