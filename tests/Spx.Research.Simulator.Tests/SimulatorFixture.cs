using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Spx.Research.Market;
using Spx.Research.Synthetic;

namespace Spx.Research.Simulator.Tests;

/// <summary>
/// One simulator over the bundled sample lake for the REST tests, its clock frozen (speed max) at
/// 2025-03-03 10:30 New York so snapshots and market status answer the same every run.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    /// <summary>The simulated instant the REST tests run at.</summary>
    public static DateTimeOffset Now { get; } = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(10, 30));

    /// <summary>The sample lake.</summary>
    public static string Lake { get; } = SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    public PolygonSimulator Simulator { get; } = new(new SimulatorOptions { LakeRoot = Lake, Speed = ReplaySpeed.Max, ClockStart = Now });

    public Uri BaseUri { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseUri = await Simulator.StartAsync();
        Client = NewClient("sim-key");
    }

    /// <summary>A client on the simulator with a Bearer key (or none).</summary>
    public HttpClient NewClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseUri };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>GETs and parses an object body, asserting 200.</summary>
    public async Task<JsonObject> GetObject(string pathAndQuery, HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Follows next_url from <paramref name="first"/> to the end; returns every page.</summary>
    public async Task<List<JsonObject>> AllPages(string first, int maxPages = 200)
    {
        var pages = new List<JsonObject>();
        string? next = first;
        while (next is not null)
        {
            Assert.True(pages.Count < maxPages, "too many pages (looping cursor?)");
            var page = await GetObject(next);
            pages.Add(page);
            if (page["next_url"]?.GetValue<string>() is { } url)
            {
                var uri = new Uri(url);
                Assert.Equal(BaseUri.Authority, uri.Authority);
                Assert.DoesNotContain("apiKey", url, StringComparison.Ordinal);
                next = uri.PathAndQuery;
            }
            else
            {
                next = null;
            }
        }
        return pages;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Simulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "simulator";
}
