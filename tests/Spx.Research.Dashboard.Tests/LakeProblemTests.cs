using System.Net;
using static Spx.Research.Dashboard.Tests.DashboardLake;
using static Spx.Research.Dashboard.Tests.TwoSessions;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// What the API does when the lake is not what it should be: missing (503 naming the path, never an empty
/// 200), appearing later, empty, holding a damaged file, or holding hostile text (escaped in the JSON).
/// </summary>
public sealed class LakeProblemTests : IDisposable
{
    private readonly DashboardLake _lake = new();

    public void Dispose() => _lake.Dispose();

    public static TheoryData<string> LakeEndpoints =>
    [
        "/api/health", "/api/intraday/latest", "/api/intraday/latest/enriched", "/api/intraday", "/api/intraday/series",
        "/api/expirations", "/api/daily", "/api/alerts", "/api/stats",
    ];

    [Theory]
    [MemberData(nameof(LakeEndpoints))]
    public async Task A_missing_lake_is_a_503_naming_the_path(string path)
    {
        var missing = Path.Combine(_lake.Root, "not-there");
        await using var dashboard = await RunningDashboard.Start(missing);

        var answer = await dashboard.Get(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.StartsWith("application/json", answer.ContentType);
        Assert.Equal($"no lake at {missing} (no such folder): start the monitor or pass --lake", answer.Json.GetProperty("error").GetString());
        Assert.Equal(503, answer.Json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Version_and_the_page_answer_without_a_lake_and_the_api_once_one_appears()
    {
        var later = Path.Combine(_lake.Root, "later");
        await using var dashboard = await RunningDashboard.Start(later);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Get("/api/version")).Status);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.Get("/")).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await dashboard.Get("/api/intraday/latest")).Status);

        new DashboardLake(later).WritePolls(new Poll(Latest, Busy, April4, 5800, 600, 450));

        var latest = await dashboard.Json("/api/intraday/latest");
        Assert.Equal("2025-03-05T15:15:00Z", latest.GetProperty("poll_ts").GetString());
    }

    [Fact]
    public async Task An_empty_lake_answers_with_no_rows_and_health_says_no_data()
    {
        await using var dashboard = await RunningDashboard.Start(_lake.Root);

        var latest = await dashboard.Json("/api/intraday/latest");
        var health = await dashboard.Json("/api/health");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, latest.GetProperty("poll_ts").ValueKind);
        Assert.Equal(0, latest.GetProperty("rows").GetArrayLength());
        Assert.Equal("no_data", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_damaged_poll_file_leaves_its_partition_out_with_a_warning_and_the_rest_is_served()
    {
        TwoSessions.Write(_lake);
        var tuesdayFile = Directory.EnumerateFiles(Path.Combine(_lake.Root, "monitor_polls", "date=2025-03-04"), "*.parquet").Single();
        var bytes = File.ReadAllBytes(tuesdayFile);
        File.WriteAllBytes(tuesdayFile, bytes[..(bytes.Length / 2)]); // truncated in place, as a crash on a non-atomic copy would leave it
        await using var dashboard = await RunningDashboard.Start(_lake.Root);

        var latest = await dashboard.Json("/api/intraday/latest");
        var stats = await dashboard.Json("/api/stats");
        var enriched = await dashboard.Json("/api/intraday/latest/enriched");

        Assert.Equal(3, latest.GetProperty("rows").GetArrayLength());
        var warning = Assert.Single(stats.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.Contains("date=2025-03-04", warning);
        // Tuesday's polls are gone from the view: the comparison falls back to Tuesday's end-of-day row.
        Assert.All(enriched.GetProperty("rows").EnumerateArray(), r => Assert.Equal("previous_eod", r.GetProperty("comparison_source").GetString()));
    }

    [Fact]
    public async Task Hostile_text_in_the_lake_is_escaped_in_the_json_and_comes_back_unchanged()
    {
        const string ticker = "O:SPXW<img src=x onerror=alert(1)>";
        const string message = "</script><script>alert('x')</script> & \"quoted\"";
        _lake.WritePolls(new Poll(Latest, ticker, April4, 5800, 600, 450));
        _lake.WriteAlerts(new Alert(Latest, "volume_delta", ticker, April4, 5800, 600, 450, message));
        await using var dashboard = await RunningDashboard.Start(_lake.Root);

        var latest = await dashboard.Get("/api/intraday/latest");
        var alerts = await dashboard.Get("/api/alerts");

        Assert.DoesNotContain("<", latest.Body + alerts.Body);
        Assert.DoesNotContain(">", latest.Body + alerts.Body);
        Assert.Equal(ticker, latest.Json.GetProperty("rows")[0].GetProperty("ticker").GetString());
        Assert.Equal(message, alerts.Json.GetProperty("rows")[0].GetProperty("message").GetString());
    }
}
