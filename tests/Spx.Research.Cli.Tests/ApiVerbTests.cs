using System.Text.Json;
using Spx.Research.Market;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// The <c>spx api</c> verbs as a user runs them, against the simulator on loopback with injected faults:
/// a hung endpoint and broken bodies show one stderr line per retry, and the stream prints one clear table.
/// </summary>
public sealed class ApiVerbTests
{
    private const string Key = "cli-Key-4d2a9e";

    private static async Task<(PolygonSimulator Simulator, string BaseUrl)> Start(FaultPlan? faults = null, ReplaySpeed? speed = null)
    {
        var simulator = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found"),
            ApiKey = Key,
            Speed = speed ?? ReplaySpeed.Max,
            ClockStart = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(10, 30)),
            Faults = faults ?? FaultPlan.None,
        });
        var baseUri = await simulator.StartAsync();
        return (simulator, baseUri.ToString().TrimEnd('/'));
    }

    private static FaultPlan Fault(string endpoint, string fault, int? times = null) => new(1, [new FaultRule(endpoint, fault, 1, times)]);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public async Task A_hung_endpoint_shows_each_retry_on_stderr_then_fails_with_one_line()
    {
        var (simulator, url) = await Start(Fault("marketstatus", "timeout"));
        await using var _ = simulator;

        var run = CliRun.Of("api", "status", "--timeout", "300ms", "--retries", "2", "--base-url", url, "--key", Key);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        var lines = Lines(run.Error);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("spx: GET /v1/marketstatus/now: attempt 1/3 failed (no response within 0.3 s); retrying in ", lines[0]);
        Assert.StartsWith("spx: GET /v1/marketstatus/now: attempt 2/3 failed (no response within 0.3 s); retrying in ", lines[1]);
        Assert.Equal("spx: error: GET /v1/marketstatus/now timed out after 0.3 s on every attempt (2 retries).", lines[2]);
    }

    [Fact]
    public async Task With_no_retries_a_hung_endpoint_fails_after_one_attempt()
    {
        var (simulator, url) = await Start(Fault("marketstatus", "timeout"));
        await using var _ = simulator;

        var run = CliRun.Of("api", "status", "--timeout", "200ms", "--retries", "0", "--base-url", url, "--key", Key);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["spx: error: GET /v1/marketstatus/now timed out after 0.2 s on every attempt (0 retries)."], Lines(run.Error));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("malformed")]
    public async Task A_broken_200_body_is_retried_with_a_line_each_and_the_rows_arrive(string fault)
    {
        var (simulator, url) = await Start(Fault("aggs", fault, times: 2));
        await using var _ = simulator;

        var run = CliRun.Of("api", "aggs", "I:SPX", "--from", "2025-03-03", "--to", "2025-03-03", "--timespan", "hour", "--format", "csv", "--base-url", url, "--key", Key);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(8, run.OutputLines.Length); // header + 7 hourly bars of one session
        var retries = Lines(run.Error);
        Assert.Equal(2, retries.Length);
        Assert.All(retries, line => Assert.Contains("failed (HTTP 200 with a body that is not valid JSON (truncated or malformed)); retrying in", line));
        Assert.Equal(3, simulator.RestRequests);
    }

    [Fact]
    public async Task Stream_prints_each_status_once_then_the_bars_as_csv_with_counters_on_stderr()
    {
        var (simulator, url) = await Start(speed: ReplaySpeed.Parse("60"));
        await using var _ = simulator;

        var run = CliRun.Of("api", "stream", "--subscribe", "A.SPY,AM.SPY", "--count", "10", "--for", "2m", "--format", "csv", "--base-url", url, "--key", Key);

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines;
        Assert.Equal(
            [
                "event,symbol,start_utc,end_utc,open,high,low,close,volume,status,message",
                "status,,,,,,,,,connected,Connected Successfully",
                "status,,,,,,,,,auth_success,authenticated",
                "status,,,,,,,,,success,subscribed to: A.SPY",
                "status,,,,,,,,,success,subscribed to: AM.SPY",
            ],
            lines.Take(5));
        Assert.Equal(15, lines.Length);
        Assert.All(lines.Skip(5), line => Assert.Matches(@"^AM?,SPY,2025-03-03T\d\d:\d\d:\d\dZ,2025-03-03T\d\d:\d\d:\d\dZ,[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+,\d+,,$", line));
        var stats = Assert.Single(Lines(run.Error));
        Assert.Equal("spx: 14 events delivered, 0 dropped, 0 duplicates, 0 reconnects, 0 decode errors", stats);
    }

    [Fact]
    public async Task A_dropped_stream_announces_its_reconnect_on_stderr_and_shows_it_as_a_row()
    {
        var plan = new FaultPlan(1, [new FaultRule("ws_stocks", "ws_drop", 1, 1, new Dictionary<string, string> { ["after"] = "5" })]);
        var (simulator, url) = await Start(plan, ReplaySpeed.Parse("60"));
        await using var _ = simulator;

        var run = CliRun.Of("api", "stream", "--subscribe", "A.SPY", "--count", "30", "--for", "2m", "--format", "csv", "--base-url", url, "--key", Key);

        Assert.Equal(0, run.ExitCode);
        var errors = Lines(run.Error);
        Assert.Matches(@"^spx: stream: connection lost: .+; reconnect attempt 1/5 in \d+\.\d s$", errors[0]);
        Assert.Matches(@"^spx: \d+ events delivered, 0 dropped, \d+ duplicates, 1 reconnects, \d+ decode errors$", errors[^1]);
        Assert.Single(run.OutputLines, line => line.StartsWith("reconnected,,,,,,,,,reconnect 1,connection lost: ", StringComparison.Ordinal));
        // After the reconnect the server answers the re-subscription: a second reply, for a second subscription.
        Assert.Equal(2, run.OutputLines.Count(line => line == "status,,,,,,,,,success,subscribed to: A.SPY"));
        Assert.DoesNotContain(Key, run.Output + run.Error);
    }

    [Fact]
    public async Task Stream_json_is_one_array_of_events()
    {
        var (simulator, url) = await Start(speed: ReplaySpeed.Parse("60"));
        await using var _ = simulator;

        var run = CliRun.Of("api", "stream", "--subscribe", "AM.SPY", "--count", "2", "--for", "2m", "--format", "json", "--base-url", url, "--key", Key);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var events = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["connected", "auth_success", "success"], events.Take(3).Select(e => e.GetProperty("status").GetString()));
        Assert.Equal("subscribed to: AM.SPY", events[2].GetProperty("message").GetString());
        Assert.Single(events, e => e.GetProperty("message").GetString() == "subscribed to: AM.SPY");
        Assert.Equal(5, events.Count);
        Assert.All(events.Skip(3), e => Assert.Equal("AM", e.GetProperty("event").GetString()));
    }

    [Fact]
    public void Stream_that_cannot_connect_within_its_window_fails_with_one_line()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0); // accepts, never answers the upgrade
        silent.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}";

        var run = CliRun.Of("api", "stream", "--subscribe", "AM.SPY", "--for", "1s", "--timeout", "1h", "--base-url", url, "--key", Key);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal([$"spx: error: no connection to ws://127.0.0.1:{((System.Net.IPEndPoint)silent.LocalEndpoint).Port}/stocks within --for 1s"], Lines(run.Error));
    }

    [Fact]
    public async Task Stream_with_a_refused_key_fails_with_one_line_and_no_table()
    {
        var (simulator, url) = await Start();
        await using var _ = simulator;

        var run = CliRun.Of("api", "stream", "--subscribe", "AM.SPY", "--for", "5s", "--base-url", url, "--key", "WRONG-key-77");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith("spx: error: ", line);
        Assert.Contains("auth_failed", line);
        Assert.DoesNotContain("WRONG-key-77", line);
    }
}
