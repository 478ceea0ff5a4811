using System.Net;
using System.Text.Json;
using Spx.Research.Configuration;

namespace Spx.Research.Dashboard.Tests;

/// <summary>A clock stopped at one instant: the health check's "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>One API answer: status, body text and the parsed body.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, string Body, string? ContentType)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A <see cref="DashboardServer"/> on a free loopback port with an HTTP client for it.</summary>
internal sealed class RunningDashboard : IAsyncDisposable
{
    private readonly DashboardServer _server;
    private readonly HttpClient _http = new();

    private RunningDashboard(DashboardServer server, Uri url)
    {
        _server = server;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<RunningDashboard> Start(string lakeRoot, DateTimeOffset? now = null, TimeSpan? refresh = null)
    {
        var server = new DashboardServer(new DashboardOptions
        {
            LakeRoot = lakeRoot,
            Dashboard = new DashboardSettings { Port = 0, Refresh = refresh ?? TimeSpan.FromSeconds(15) },
            Clock = now is { } instant ? new FixedClock(instant) : TimeProvider.System,
        });
        return new RunningDashboard(server, await server.StartAsync());
    }

    public async Task<ApiAnswer> Get(string path)
    {
        using var response = await _http.GetAsync(new Uri(Url, path));
        return new ApiAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>GETs <paramref name="path"/>, requires 200 and returns the body.</summary>
    public async Task<JsonElement> Json(string path)
    {
        var answer = await Get(path);
        Assert.True(answer.Status == HttpStatusCode.OK, $"{path}: {(int)answer.Status} {answer.Body}");
        return answer.Json;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }
}
