using System.Text.Json;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor;
using Spx.Research.Monitor.EndOfDay;
using Spx.Research.Simulator;
using Spx.Research.Testing;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// The built <c>spx monitor dashboard</c> as a process on a free port over a lake with three polls, their alerts
/// and an end of day: every <c>/api/*</c> endpoint answers what the lake holds, the page renders in real headless
/// Chromium with a row per contract and no console error, SIGTERM stops it with exit 0; with
/// <c>--server-clock</c> the health check goes by the simulator's replayed day, without it by the wall clock.
/// </summary>
public sealed class DashboardProcessTests(HeadlessBrowser browser) : IClassFixture<HeadlessBrowser>, IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly string _lake = Directory.CreateTempSubdirectory("spx-e2e-dashboard-").FullName;

    /// <summary>A narrower window than the default keeps the page light; what is checked does not depend on it.</summary>
    private static readonly SpxSettings Settings = new() { Monitor = new MonitorSettings { MaxDaysToExpiry = 30, MinStrikeRatio = 0.88 } };

    public void Dispose() => Directory.Delete(_lake, recursive: true);

    [Fact]
    public async Task Every_endpoint_answers_what_the_lake_holds_the_page_renders_and_sigterm_stops_it_with_exit_0()
    {
        await PollAndCloseAsync(new TimeOnly(10, 0), new TimeOnly(10, 15), new TimeOnly(10, 30));
        using var dashboard = SpxProcess.Start("monitor", "dashboard", "--lake", _lake, "--port", "0");
        var url = new Uri(dashboard.WaitForLine(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal), Patience));
        using var lake = LakeSession.Open(_lake);
        using var http = new HttpClient();
        var latestTs = lake.Scalar<DateTimeOffset>("SELECT max(poll_ts) FROM monitor_polls");
        var latestRows = lake.Scalar<long>($"SELECT count(*) FROM monitor_polls WHERE poll_ts = {SqlText.Instant(latestTs)}");

        var health = await Get(http, url, "/api/health");
        Assert.Equal("2025-03-03T15:30:00Z", health.GetProperty("poll_ts").GetString());
        Assert.Equal(_lake, health.GetProperty("lake").GetString());
        Assert.Empty(health.GetProperty("warnings").EnumerateArray());
        // Without --server-clock "now" is this machine's (an hour's slack for a loaded machine is no timing claim).
        Assert.InRange(health.GetProperty("now").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal("spx monitor dashboard", (await Get(http, url, "/api/version")).GetProperty("name").GetString());

        var latest = await Get(http, url, "/api/intraday/latest");
        Assert.Equal(Tickers(lake, $"poll_ts = {SqlText.Instant(latestTs)}"), Column(latest.GetProperty("rows"), "ticker"));
        var enriched = await Get(http, url, "/api/intraday/latest/enriched");
        Assert.Equal(latestRows, enriched.GetProperty("rows").GetArrayLength());
        var intraday = await Get(http, url, "/api/intraday");
        Assert.Equal(["2025-03-03T15:00:00Z", "2025-03-03T15:15:00Z", "2025-03-03T15:30:00Z"], intraday.GetProperty("polls").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(lake.Scalar<long>("SELECT count(*) FROM monitor_polls"), intraday.GetProperty("rows").GetArrayLength());
        var series = await Get(http, url, "/api/intraday/series");
        Assert.Equal(lake.Scalar<long>("SELECT count(DISTINCT ticker) FROM monitor_polls"), series.GetProperty("series").EnumerateObject().Count());
        var expirations = await Get(http, url, "/api/expirations");
        Assert.Equal(latestRows, expirations.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("contracts").GetInt64()));
        var daily = await Get(http, url, "/api/daily");
        Assert.Equal(Tickers(lake, "true", "monitor_daily"), Column(daily.GetProperty("rows"), "ticker"));
        var alerts = await Get(http, url, "/api/alerts");
        Assert.Equal(lake.Scalar<long>("SELECT count(*) FROM alerts"), alerts.GetProperty("rows").GetArrayLength());
        Assert.NotEqual(0, alerts.GetProperty("rows").GetArrayLength());
        var stats = await Get(http, url, "/api/stats");
        var polls = stats.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("dataset").GetString() == "monitor_polls");
        Assert.Equal(lake.Scalar<long>("SELECT count(*) FROM monitor_polls"), polls.GetProperty("rows").GetInt64());

        var page = await browser.OpenUrl(url);
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.refreshes === '1'");
        Assert.Equal(latestRows, await page.Page.Locator("#latest tbody tr").CountAsync());
        page.AssertClean();

        dashboard.Terminate();
        Assert.Equal(0, dashboard.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal("stopped", dashboard.Output[^1]);
        Assert.Equal("", dashboard.Error);
    }

    [Fact]
    public async Task With_the_server_clock_lag_and_market_state_follow_the_replayed_day()
    {
        await PollAndCloseAsync(new TimeOnly(10, 0), new TimeOnly(10, 15), new TimeOnly(10, 30));
        await using var simulator = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = Loopback.SampleLake,
            ApiKey = Loopback.Key,
            Speed = new ReplaySpeed(1),
            ClockStart = NewYorkTime.ToUtc(Day, new TimeOnly(10, 40)),
        });
        var baseUri = await simulator.StartAsync();
        using var dashboard = SpxProcess.Start("monitor", "dashboard", "--lake", _lake, "--port", "0", "--server-clock", "--base-url", baseUri.ToString());
        var url = new Uri(dashboard.WaitForLine(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal), Patience));
        using var http = new HttpClient();

        var health = await Get(http, url, "/api/health");

        var now = health.GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now, NewYorkTime.ToUtc(Day, new TimeOnly(10, 40)), NewYorkTime.ToUtc(Day, new TimeOnly(11, 0)));
        Assert.Equal(("open", "2025-03-03"), (health.GetProperty("market").GetProperty("state").GetString(), health.GetProperty("market").GetProperty("date").GetString()));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.InRange(health.GetProperty("lag_seconds").GetInt64(), 600, 1800);
        Assert.Contains(dashboard.Output, l => l.StartsWith($"clock: following {baseUri.GetLeftPart(UriPartial.Authority)} at ", StringComparison.Ordinal));
        dashboard.Terminate();
        Assert.Equal(0, dashboard.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_server_clock_under_a_limited_plan_is_a_usage_error_naming_the_plan()
    {
        using var dashboard = SpxProcess.Start("monitor", "dashboard", "--lake", _lake, "--port", "0", "--server-clock", "--base-url", "http://127.0.0.1:9", "--plan", "free");

        Assert.Equal(2, dashboard.WaitForExit(Patience));
        Assert.StartsWith("spx: --server-clock reads /v1/marketstatus/now up to 100 times a second", dashboard.Error, StringComparison.Ordinal);
        Assert.Contains("plan 5 requests / 60 s (--plan) does not allow", dashboard.Error, StringComparison.Ordinal);
    }

    /// <summary>Polls at each time as the scheduler would (one cycle each, alerts included), then runs end of day.</summary>
    private async Task PollAndCloseAsync(params TimeOnly[] times)
    {
        foreach (var time in times)
        {
            var instant = NewYorkTime.ToUtc(Day, time);
            var (simulator, baseUri) = await Loopback.Start(clock: instant);
            await using var _ = simulator;
            using var client = Loopback.Client(baseUri);
            await new MonitorCycle(client, new LakeLayout(_lake), Settings, new FixedClock(instant)).RunAsync();
        }
        new MonitorEndOfDay(new LakeLayout(_lake), Settings.Monitor).Run(Day);
    }

    private static async Task<JsonElement> Get(HttpClient http, Uri url, string path)
    {
        using var response = await http.GetAsync(new Uri(url, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string[] Tickers(LakeSession lake, string where, string dataset = "monitor_polls") =>
        lake.Query($"SELECT DISTINCT ticker FROM {dataset} WHERE {where} ORDER BY ticker", r =>
        {
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return list.ToArray();
        });

    private static string[] Column(JsonElement rows, string name) =>
        rows.EnumerateArray().Select(r => r.GetProperty(name).GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
