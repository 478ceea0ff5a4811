using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>
/// Endpoint names key the schema-drift baselines (docs/data-quality.md): one per endpoint, with index and option bars
/// apart from stock bars, because index bars carry no volume and would read as a drift of the stock baseline.
/// </summary>
public sealed class EndpointNamesTests
{
    [Theory]
    [InlineData("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?adjusted=true", "aggs")]
    [InlineData("/v2/aggs/ticker/I:VIX/range/1/minute/2025-03-03/2025-03-03", "aggs_indices")]
    [InlineData("/v2/aggs/ticker/I%3ASPX/range/1/minute/2025-03-03/2025-03-03", "aggs_indices")]
    [InlineData("/v2/aggs/ticker/O:SPY250303C00580000/range/1/minute/2025-03-03/2025-03-03", "aggs_options")]
    [InlineData("/v3/reference/options/contracts?underlying_ticker=SPY", "contracts")]
    [InlineData("/v3/snapshot/options/SPY", "chain_snapshot")]
    [InlineData("/v3/snapshot?ticker.any_of=SPY", "snapshot")]
    [InlineData("/v2/reference/news?ticker=SPY", "news")]
    [InlineData("/v1/marketstatus/now", "marketstatus")]
    [InlineData("/v9/Something/else", "v9_something_else")]
    public void Names_the_endpoint_of_a_path(string path, string expected) => Assert.Equal(expected, EndpointNames.Of(path));
}
