using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>Only the path and query of <c>next_url</c> are followed, whatever its host looks like.</summary>
public sealed class NextPageLinkTests
{
    [Theory]
    [InlineData("https://api.polygon.io/v3/snapshot/options/SPX?cursor=YXA9", "/v3/snapshot/options/SPX?cursor=YXA9")]
    [InlineData("https://api.polygon.io:443:443/v3/snapshot/options/SPX?cursor=YXA9", "/v3/snapshot/options/SPX?cursor=YXA9")]
    [InlineData("https://api.massive.com:443/v2/reference/news?cursor=YXA9", "/v2/reference/news?cursor=YXA9")]
    [InlineData("http://evil.example:8080/v2/aggs/ticker/SPY/range/1/day/1578114000000/2020-01-10?cursor=bGltaXQ9MiZzb3J0PWFzYw", "/v2/aggs/ticker/SPY/range/1/day/1578114000000/2020-01-10?cursor=bGltaXQ9MiZzb3J0PWFzYw")]
    [InlineData("/v3/reference/options/contracts?cursor=abc", "/v3/reference/options/contracts?cursor=abc")]
    [InlineData("https://api.polygon.io/v3/x?cursor=abc&apiKey=SECRET", "/v3/x?cursor=abc")]
    [InlineData("https://api.polygon.io/v3/x?apiKey=SECRET", "/v3/x")]
    [InlineData("https://api.polygon.io/v3/x?cursor=a#frag", "/v3/x?cursor=a")]
    public void Path_and_query_are_kept_host_dropped(string nextUrl, string expected) =>
        Assert.Equal(expected, NextPageLink.ToPathAndQuery(nextUrl));

    [Theory]
    [InlineData("https://api.polygon.io")]
    [InlineData("cursor=abc")]
    [InlineData("")]
    public void Links_without_a_path_are_refused(string nextUrl) => Assert.Null(NextPageLink.ToPathAndQuery(nextUrl));
}
