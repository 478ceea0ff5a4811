using System.Net;
using System.Text.Json;
using Spx.Research.Reporting;
using static Spx.Research.Dashboard.Tests.DashboardLake;
using static Spx.Research.Dashboard.Tests.TwoSessions;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// The JSON endpoints over real HTTP on loopback, reading a temp lake written with <c>LakeWriter</c>
/// (<see cref="TwoSessions"/>): exact values, filters, and a poll written while the dashboard runs.
/// </summary>
public sealed class ApiTests : IAsyncLifetime
{
    private readonly DashboardLake _lake = new();
    private RunningDashboard _dashboard = null!;

    public async Task InitializeAsync()
    {
        TwoSessions.Write(_lake);
        _dashboard = await RunningDashboard.Start(_lake.Root, now: Latest.AddMinutes(5));
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        _lake.Dispose();
    }

    private static string[] Strings(JsonElement rows, string property) =>
        rows.EnumerateArray().Select(r => r.GetProperty(property).ToString()).ToArray();

    [Fact]
    public async Task Latest_is_the_newest_polls_rows_with_their_stored_values()
    {
        var latest = await _dashboard.Json("/api/intraday/latest");

        Assert.Equal("2025-03-05T15:15:00Z", latest.GetProperty("poll_ts").GetString());
        Assert.Equal("2025-03-05", latest.GetProperty("session").GetString());
        var rows = latest.GetProperty("rows");
        Assert.Equal([Busy, Thin, Dormant], Strings(rows, "ticker")); // by expiry, then strike
        Assert.Equal(["600", "45", "120"], Strings(rows, "day_volume"));
        Assert.Equal(["450", "5", "120"], Strings(rows, "volume_delta"));
        Assert.Equal(["2025-04-04", "2025-04-04", "2025-04-18"], Strings(rows, "expiry"));
        Assert.Equal(["SPXW", "SPXW", "SPX"], Strings(rows, "root"));
        Assert.Equal(6010, rows[0].GetProperty("spot").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("bid").ValueKind);
    }

    [Fact]
    public async Task The_expiry_and_ticker_filters_keep_only_what_they_name()
    {
        var latest = await _dashboard.Json("/api/intraday/latest?expiry=2025-04-18");
        var enriched = await _dashboard.Json("/api/intraday/latest/enriched?expiry=2025-04-18");
        var intraday = await _dashboard.Json("/api/intraday?expiry=2025-04-04");
        var oneTicker = await _dashboard.Json($"/api/intraday/latest?ticker={Uri.EscapeDataString(Thin)}");

        Assert.Equal([Dormant], Strings(latest.GetProperty("rows"), "ticker"));
        Assert.Equal([Dormant], Strings(enriched.GetProperty("rows"), "ticker"));
        Assert.Equal([Busy, Busy, Thin, Thin], Strings(intraday.GetProperty("rows"), "ticker"));
        Assert.Equal([Thin], Strings(oneTicker.GetProperty("rows"), "ticker"));
    }

    [Fact]
    public async Task Intraday_is_every_poll_of_the_newest_session_or_the_one_asked_for()
    {
        var today = await _dashboard.Json("/api/intraday");
        var tuesday = await _dashboard.Json("/api/intraday?session=2025-03-04");

        Assert.Equal("2025-03-05", today.GetProperty("session").GetString());
        Assert.Equal(["2025-03-05T15:00:00Z", "2025-03-05T15:15:00Z"], today.GetProperty("polls").EnumerateArray().Select(p => p.GetString()!));
        var busy = today.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("ticker").GetString() == Busy).ToArray();
        Assert.Equal([150L, 600L], busy.Select(r => r.GetProperty("day_volume").GetInt64()));
        Assert.Equal(6, today.GetProperty("rows").GetArrayLength());
        Assert.Equal(["2025-03-04T15:00:00Z"], tuesday.GetProperty("polls").EnumerateArray().Select(p => p.GetString()!));
    }

    [Fact]
    public async Task Series_aligns_each_contracts_day_volume_with_the_sessions_polls()
    {
        _lake.WritePolls(new Poll(Et(Wednesday, 10, 30), Busy, April4, 5800, 700, 100)); // only Busy in the third poll

        var series = await _dashboard.Json("/api/intraday/series");
        var april18 = await _dashboard.Json("/api/intraday/series?expiry=2025-04-18");

        Assert.Equal(["2025-03-05T15:00:00Z", "2025-03-05T15:15:00Z", "2025-03-05T15:30:00Z"], series.GetProperty("polls").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal("[150,600,700]", series.GetProperty("series").GetProperty(Busy).GetRawText());
        Assert.Equal("[40,45,null]", series.GetProperty("series").GetProperty(Thin).GetRawText());
        Assert.Equal([Dormant], april18.GetProperty("series").EnumerateObject().Select(p => p.Name));
        Assert.Equal("[0,120]", april18.GetProperty("series").GetProperty(Dormant).GetRawText());
    }

    [Fact]
    public async Task Enriched_has_the_detectors_comparison_change_and_rule_flags()
    {
        var enriched = await _dashboard.Json("/api/intraday/latest/enriched");
        var rows = enriched.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("ticker").GetString()!);

        var busy = rows[Busy];
        Assert.Equal(100, busy.GetProperty("comparison_volume").GetInt64()); // Tuesday 10:00, within an hour of 10:15
        Assert.Equal("aligned", busy.GetProperty("comparison_source").GetString());
        Assert.Equal("2025-03-04T15:00:00Z", busy.GetProperty("comparison_ts").GetString());
        Assert.Equal(500, busy.GetProperty("change").GetInt64());
        Assert.Equal(6.0, busy.GetProperty("ratio").GetDouble());
        Assert.Equal(300_000, busy.GetProperty("premium").GetDouble()); // 5.00 × 600 × 100
        Assert.True(busy.GetProperty("floors_reached").GetBoolean());
        Assert.Equal(["volume_delta", "day_over_day"], busy.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!));
        Assert.Equal(["volume_delta"], busy.GetProperty("alerted").EnumerateArray().Select(f => f.GetString()!));

        var dormant = rows[Dormant];
        Assert.Equal(0, dormant.GetProperty("comparison_volume").GetInt64());
        Assert.Equal(JsonValueKind.Null, dormant.GetProperty("ratio").ValueKind); // no multiple of 0
        Assert.Equal(["dormancy"], dormant.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!));

        var thin = rows[Thin];
        Assert.Equal(-5, thin.GetProperty("change").GetInt64());
        Assert.False(thin.GetProperty("floors_reached").GetBoolean()); // 45 < the volume floor of 100
        Assert.Equal(0, thin.GetProperty("flags").GetArrayLength());

        var counts = enriched.GetProperty("source_counts");
        Assert.Equal(3, counts.GetProperty("aligned").GetInt32());
        Assert.Equal(0, counts.GetProperty("none").GetInt32());
    }

    [Fact]
    public async Task Expirations_sum_the_newest_poll_per_expiry()
    {
        var rows = (await _dashboard.Json("/api/expirations")).GetProperty("rows");

        Assert.Equal(["2025-04-04", "2025-04-18"], Strings(rows, "expiry"));
        Assert.Equal(["SPXW", "SPX"], Strings(rows, "roots"));
        Assert.Equal(["2", "1"], Strings(rows, "contracts"));
        Assert.Equal(["645", "120"], Strings(rows, "day_volume"));
        Assert.Equal(["455", "120"], Strings(rows, "volume_delta"));
        Assert.Equal(["30", "44"], Strings(rows, "days_to_expiry"));
    }

    [Fact]
    public async Task Daily_lists_the_end_of_day_sessions_and_rows()
    {
        var daily = await _dashboard.Json("/api/daily");

        var session = Assert.Single(daily.GetProperty("sessions").EnumerateArray());
        Assert.Equal("2025-03-04", session.GetProperty("session").GetString());
        Assert.Equal(3, session.GetProperty("contracts").GetInt64());
        Assert.Equal(610, session.GetProperty("day_volume").GetInt64());
        Assert.Equal(["400", "200", "10"], Strings(daily.GetProperty("rows"), "day_volume"));
    }

    [Fact]
    public async Task Daily_keeps_the_last_seven_sessions_with_rows()
    {
        var sessions = Enumerable.Range(0, 9).Select(i => new DateOnly(2025, 2, 19).AddDays(i)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToArray();
        foreach (var day in sessions) _lake.WriteDaily(new Poll(Et(day, 15, 45), Busy, April4, 5800, day.Day, 0));

        var daily = await _dashboard.Json("/api/daily");

        // 2025-02-19..27 are seven sessions; with 2025-03-04 the oldest, 02-19, drops out.
        Assert.Equal(["2025-02-20", "2025-02-21", "2025-02-24", "2025-02-25", "2025-02-26", "2025-02-27", "2025-03-04"],
            Strings(daily.GetProperty("sessions"), "session"));
    }

    [Fact]
    public async Task Alerts_are_newest_first_and_filter_by_rule_and_session()
    {
        _lake.WriteAlerts(new Alert(First, "dormancy", Dormant, April18, 5700, 0, 0, "older"));

        var all = (await _dashboard.Json("/api/alerts")).GetProperty("rows");
        var dormancy = (await _dashboard.Json("/api/alerts?rule=dormancy")).GetProperty("rows");
        var tuesday = (await _dashboard.Json("/api/alerts?session=2025-03-04")).GetProperty("rows");
        var one = (await _dashboard.Json("/api/alerts?limit=1")).GetProperty("rows");

        Assert.Equal([Busy, Dormant], Strings(all, "ticker"));
        Assert.Equal("2025-03-05T15:15:00Z", all[0].GetProperty("poll_ts").GetString());
        Assert.Equal([Dormant], Strings(dormancy, "ticker"));
        Assert.Equal(0, tuesday.GetArrayLength());
        Assert.Equal([Busy], Strings(one, "ticker"));
    }

    [Fact]
    public async Task Stats_count_each_monitor_dataset_and_the_newest_session()
    {
        var stats = await _dashboard.Json("/api/stats");
        var datasets = stats.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("dataset").GetString()!);

        Assert.Equal(9, datasets["monitor_polls"].GetProperty("rows").GetInt64());
        Assert.Equal(2, datasets["monitor_polls"].GetProperty("partitions").GetInt32());
        Assert.Equal(3, datasets["monitor_daily"].GetProperty("rows").GetInt64());
        Assert.Equal(1, datasets["alerts"].GetProperty("rows").GetInt64());
        var session = stats.GetProperty("session");
        Assert.Equal(2, session.GetProperty("polls").GetInt64());
        Assert.Equal(3, session.GetProperty("contracts").GetInt64());
        Assert.Equal(765, session.GetProperty("day_volume").GetInt64());
        Assert.Equal(1, session.GetProperty("alerts").GetInt64());
    }

    [Fact]
    public async Task Health_gives_the_last_poll_its_lag_and_the_market_state()
    {
        var health = await _dashboard.Json("/api/health"); // now: 10:20 ET

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("2025-03-05T15:15:00Z", health.GetProperty("poll_ts").GetString());
        Assert.Equal(300, health.GetProperty("lag_seconds").GetInt64());
        var market = health.GetProperty("market");
        Assert.Equal("open", market.GetProperty("state").GetString());
        Assert.Equal("2025-03-05T14:30:00Z", market.GetProperty("open").GetString());
        Assert.Equal("2025-03-05T21:00:00Z", market.GetProperty("close").GetString());
    }

    [Fact]
    public async Task Version_names_the_build_and_plotly()
    {
        var version = await _dashboard.Json("/api/version");

        Assert.False(string.IsNullOrWhiteSpace(version.GetProperty("version").GetString()));
        Assert.Equal(PlotlyJs.Version, version.GetProperty("plotly").GetString());
    }

    [Fact]
    public async Task A_poll_written_while_the_dashboard_runs_is_served_next()
    {
        Assert.Equal("2025-03-05T15:15:00Z", (await _dashboard.Json("/api/intraday/latest")).GetProperty("poll_ts").GetString());

        _lake.WritePolls(new Poll(Et(Wednesday, 10, 30), Busy, April4, 5800, 700, 100));

        var latest = await _dashboard.Json("/api/intraday/latest");
        Assert.Equal("2025-03-05T15:30:00Z", latest.GetProperty("poll_ts").GetString());
        Assert.Equal(["700"], Strings(latest.GetProperty("rows"), "day_volume"));
    }

    [Theory]
    [InlineData("/api/intraday?expiry=2025-4-4", "?expiry=2025-4-4 is not a date: use YYYY-MM-DD")]
    [InlineData("/api/alerts?session=yesterday", "?session=yesterday is not a date: use YYYY-MM-DD")]
    [InlineData("/api/alerts?limit=0", "?limit=0 is not a whole number from 1 to 100000")]
    public async Task A_malformed_filter_is_a_400_naming_it(string path, string message)
    {
        var answer = await _dashboard.Get(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.Json.GetProperty("error").GetString());
        Assert.Equal(400, answer.Json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_path_is_a_json_404()
    {
        var answer = await _dashboard.Get("/api/nope");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.StartsWith("application/json", answer.ContentType);
        Assert.Equal("no such page: /api/nope", answer.Json.GetProperty("error").GetString());
    }
}
