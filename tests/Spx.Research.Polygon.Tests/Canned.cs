using System.Net;

namespace Spx.Research.Polygon.Tests;

/// <summary>One canned answer of a fake or loopback server.</summary>
internal sealed record Canned(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static Canned Ok(string body) => new(200, body);

    public static Canned OkFixture(string name) => new(200, Fixture.Read(name));

    public static Canned Error(int status, string fixtureOrEmpty = "") =>
        new(status, fixtureOrEmpty.Length == 0 ? "" : Fixture.Read(fixtureOrEmpty));

    public HttpResponseMessage ToMessage() =>
        new((HttpStatusCode)Status) { Content = new StringContent(Body, System.Text.Encoding.UTF8, "application/json") };
}

/// <summary>What a server saw: URL and Authorization header of one request.</summary>
internal sealed record SeenRequest(string PathAndQuery, string FullUrl, string? Authorization);
