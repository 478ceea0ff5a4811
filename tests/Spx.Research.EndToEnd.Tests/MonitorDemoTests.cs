using System.Text.Json;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>
/// Issue 10's "Done means" as real processes: <c>spx simulate serve</c> replays 2025-03-03 from 08:45 fast enough
/// for a whole session to pass in under three minutes, <c>spx monitor run --server-clock --once</c> polls it unattended
/// from open to end of day and exits 0, and <c>spx monitor dashboard</c> on the same lake shows the last poll.
/// </summary>
/// <remarks>
/// At 180× a 15-minute slot is 5 s of wall time (a session about 2.5 minutes), so the test runs alone (its own collection, after the parallel
/// ones) and with a narrower window than the default (30 days, strikes from 88 % of spot): a poll then takes well
/// under a second, and a missed slot would mean a scheduler fault, not a busy machine. The replay starts at 08:45
/// so that starting the process and measuring the server's clock end before the first poll at 09:45: a few seconds
/// on an idle machine, but over 12 s (35 simulated minutes, from 09:10) in CI at load 20, which missed 09:45. The default window is polled by the other tests and by the demo at 60×
/// (docs/monitor.md).
/// </remarks>
[Trait("Category", "Slow")]
[Collection(nameof(MonitorDemoTests))]
[CollectionDefinition(nameof(MonitorDemoTests), DisableParallelization = true)]
public sealed class MonitorDemoTests : IDisposable
{
    private const string Speed = "180";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-e2e-demo-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_simulated_session_runs_unattended_from_open_to_end_of_day_and_the_dashboard_shows_its_last_poll()
    {
        var lake = Path.Combine(_root, "lake");
        var config = Path.Combine(_root, "spx.yaml");
        File.WriteAllText(config, $"""
            monitor:
              max_days_to_expiry: 30
              min_strike_ratio: 0.88
            logging:
              folder: {Path.Combine(_root, "logs")}
            """);
        using var serve = SpxProcess.Start("simulate", "serve", "--port", "0", "--speed", Speed, "--start", "2025-03-03T08:45", "--key", Loopback.Key);
        var baseUrl = serve.WaitForLine(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal), Patience);

        using var run = SpxProcess.Start("monitor", "run", "--base-url", baseUrl, "--server-clock", "--once", "--lake", lake, "--config", config);
        var exit = run.WaitForExit(TimeSpan.FromMinutes(10));

        Assert.True(exit == 0, $"exit {exit}: {run.Error}\n{string.Join('\n', run.Output)}");
        Assert.Contains("--once: end of day ran; exiting", run.Output[^1], StringComparison.Ordinal);
        using var session = LakeSession.Open(lake);
        var expected = Enumerable.Range(0, 26).Select(i => NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(9, 45)).AddMinutes(15 * i)).ToArray();
        Assert.Equal(expected, Instants(session, "SELECT DISTINCT epoch_us(poll_ts) FROM monitor_polls ORDER BY 1"));
        // End of day keeps each contract's last poll of the day: every contract polled, the last poll's among them.
        Assert.Equal(session.Scalar<long>("SELECT count(DISTINCT ticker) FROM monitor_polls"), session.Scalar<long>("SELECT count(*) FROM monitor_daily"));
        Assert.Equal(0, session.Scalar<long>("""
            SELECT count(*) FROM monitor_polls p WHERE poll_ts = (SELECT max(poll_ts) FROM monitor_polls)
            AND NOT EXISTS (SELECT 1 FROM monitor_daily d WHERE d.ticker = p.ticker AND d.poll_ts = p.poll_ts)
            """));

        using var dashboard = SpxProcess.Start("monitor", "dashboard", "--lake", lake, "--port", "0", "--server-clock", "--base-url", baseUrl);
        var url = new Uri(dashboard.WaitForLine(l => l.StartsWith("http://127.0.0.1:", StringComparison.Ordinal), Patience));
        using var http = new HttpClient();
        var health = await Get(http, url, "/api/health");
        var latest = await Get(http, url, "/api/intraday/latest");

        Assert.Equal("2025-03-03T21:00:00Z", health.GetProperty("poll_ts").GetString());
        Assert.Equal(("closed", "2025-03-03"), (health.GetProperty("market").GetProperty("state").GetString(), health.GetProperty("market").GetProperty("date").GetString()));
        Assert.Equal("2025-03-03T21:00:00Z", latest.GetProperty("poll_ts").GetString());
        Assert.Equal(session.Scalar<long>("SELECT count(*) FROM monitor_polls WHERE poll_ts = TIMESTAMPTZ '2025-03-03 21:00:00+00'"), latest.GetProperty("rows").GetArrayLength());
        dashboard.Terminate();
        serve.Terminate();
        Assert.Equal(0, dashboard.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, serve.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    private static DateTimeOffset[] Instants(LakeSession session, string sql) => session.Query(sql, r =>
    {
        var list = new List<DateTimeOffset>();
        while (r.Read()) list.Add(DateTimeOffset.UnixEpoch.AddTicks(r.GetInt64(0) * 10));
        return list.ToArray();
    });

    private static async Task<JsonElement> Get(HttpClient http, Uri url, string path)
    {
        using var response = await http.GetAsync(new Uri(url, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
