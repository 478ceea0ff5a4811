using System.CommandLine;
using Spx.Research.Cli.Commands;
using Spx.Research.Configuration;
using Spx.Research.Market;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Polygon.Clock;
using Spx.Research.Polygon;
using Spx.Research.Simulator;
using Spx.Research.Testing;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx monitor run</c> against the real simulator on loopback, replaying 2025-03-03 at 60x in fake wall time
/// (the simulator's clock and the verb's wall are the same <see cref="JumpingTime"/>), with recording steps in
/// place of the lake-backed poll and end of day.
/// </summary>
public sealed class MonitorRunVerbTests : IDisposable
{
    private const string Key = "verb-Key-3c1e9a";
    private readonly string _logs = Path.Combine(Path.GetTempPath(), "spx-monitor-run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_logs)) Directory.Delete(_logs, recursive: true);
    }

    [Fact]
    public void With_the_server_clock_and_once_it_polls_the_simulated_afternoon_runs_end_of_day_and_exits_0()
    {
        // 15:20 EST on 2025-03-03 = 20:20 UTC (a little later once the clock is measured): the current slot 15:15 ET
        // is polled late, then 15:30, 15:45, 16:00 ET on time, end of day at 16:30 ET.
        var wall = new JumpingTime(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));
        using var simulator = new PolygonSimulatorScope(new SimulatorOptions
        {
            ApiKey = Key,
            Speed = new ReplaySpeed(60),
            ClockStart = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(15, 20)),
            Wall = wall,
        });
        var baseUri = simulator.BaseUri;
        var steps = new RecordingSteps();
        MonitorRunContext? seen = null;

        var run = Invoke(
            ["monitor", "run", "--base-url", baseUri.ToString(), "--server-clock", "--once", "--lake", _logs],
            context => { seen = context; steps.Time = context.Time; return steps; },
            wall);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Equal(
            [Utc("2025-03-03T20:15:00Z"), Utc("2025-03-03T20:30:00Z"), Utc("2025-03-03T20:45:00Z"), Utc("2025-03-03T21:00:00Z")],
            steps.Polls.Select(p => p.Slot));
        Assert.All(steps.Polls, p => Assert.True(p.At >= p.Slot, $"poll {p.Slot:O} ran early, at {p.At:O}"));
        Assert.Equal([new DateOnly(2025, 3, 3)], steps.EndOfDays);
        // The verb follows the server's clock; how exactly it measures the rate is ServerClockTests' job (here the fake
        // wall jumps between timers while HTTP answers in real time, so the measured rate depends on load).
        Assert.IsType<ServerClock>(seen!.Time);
        Assert.True(seen.Settings.Monitor.FollowServerClock);
        Assert.Equal(Path.GetFullPath(_logs), seen.Settings.Lake.Path);
        Assert.Contains($"clock: following {baseUri.GetLeftPart(UriPartial.Authority)} at ", run.Output, StringComparison.Ordinal);
        Assert.Contains("--once: end of day ran; exiting", run.Output, StringComparison.Ordinal);
        Assert.Equal(run.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), File.ReadAllLines(Path.Combine(_logs, "spx-2025-03-03.log")));
        Assert.DoesNotContain(Key, run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--base-url", "ftp://example.com", "--base-url 'ftp://example.com' is not an http(s) URL")]
    [InlineData("--once", "yes", "Unrecognized command or argument 'yes'")]
    [InlineData("--plan", "lots", "--plan 'lots': expected free, unlimited or N/SECONDS (e.g. 100/60)")]
    public void A_bad_flag_is_a_one_line_usage_error_with_exit_code_2(string flag, string value, string message)
    {
        var run = Invoke(["monitor", "run", flag, value], _ => new RecordingSteps(), TimeProvider.System);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    // --plan, api.plan of the file, base URL; the plan the client gets and the startup line's words
    [InlineData(null, null, "http://127.0.0.1:9/", "unlimited", "rate plan unlimited (default for a loopback base URL)")]
    [InlineData(null, "free", "http://127.0.0.1:9/", "5 requests / 60 s", "rate plan 5 requests / 60 s (api.plan of the configuration)")]
    [InlineData("unlimited", "free", "http://127.0.0.1:9/", "unlimited", "rate plan unlimited (--plan)")]
    [InlineData("100/60", null, "http://127.0.0.1:9/", "100 requests / 60 s", "rate plan 100 requests / 60 s (--plan)")]
    [InlineData(null, null, "https://api.example.com/", "5 requests / 60 s", "rate plan 5 requests / 60 s (default)")]
    public void The_rate_plan_is_the_flag_else_the_configuration_else_the_default_and_the_first_line_says_which(
        string? flag, string? configured, string baseUrl, string plan, string line)
    {
        // Wall clock, no server clock: the recording steps never call the API, so no server is needed.
        var wall = new JumpingTime(new DateTimeOffset(2025, 3, 3, 20, 50, 0, TimeSpan.Zero));
        MonitorRunContext? seen = null;
        string[] args = ["monitor", "run", "--base-url", baseUrl, "--once", .. flag is null ? Array.Empty<string>() : ["--plan", flag]];

        var run = Invoke(args, context => { seen = context; return new RecordingSteps(); }, wall, configured);

        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.EndsWith($", {plan})", seen!.Client.ToString(), StringComparison.Ordinal);
        var first = run.Output.Split(Environment.NewLine)[0];
        Assert.EndsWith($"api: {new Uri(baseUrl).GetLeftPart(UriPartial.Authority)}, {line}", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "free", "plan 5 requests / 60 s (api.plan of the configuration) does not allow")]
    [InlineData("free", null, "plan 5 requests / 60 s (--plan) does not allow")]
    public void The_server_clock_under_a_limited_plan_is_a_usage_error_naming_the_plan(string? flag, string? configured, string message)
    {
        string[] args = ["monitor", "run", "--base-url", "http://127.0.0.1:9", "--server-clock", "--once", .. flag is null ? Array.Empty<string>() : ["--plan", flag]];

        var run = Invoke(args, _ => new RecordingSteps(), TimeProvider.System, configured);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("pass --plan unlimited", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_clock_that_stands_still_is_a_one_line_failure()
    {
        // Speed max: the simulator's REST clock does not move, so there is nothing to follow.
        using var simulator = new PolygonSimulatorScope(new SimulatorOptions { ApiKey = Key, Speed = ReplaySpeed.Max });
        var wall = new JumpingTime(new DateTimeOffset(2026, 1, 5, 12, 0, 0, TimeSpan.Zero));

        var run = Invoke(["monitor", "run", "--base-url", simulator.BaseUri.ToString(), "--server-clock", "--once"], _ => new RecordingSteps(), wall);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("The server clock stands still at 2025-03-03 10:00:00 -05:00", run.Error, StringComparison.Ordinal);
    }

    private CliRun Invoke(string[] args, Func<MonitorRunContext, IMonitorSteps> steps, TimeProvider wall, string? configuredPlan = null)
    {
        var settings = new SpxSettings { Logging = new LoggingSettings { Folder = _logs } };
        // As if spx.yaml said `api: plan: …` (the file's keys are what tells a chosen plan from the default).
        var configuration = configuredPlan is null
            ? new SpxConfiguration(settings, null, new HashSet<string>())
            : new SpxConfiguration(settings with { Api = settings.Api with { Plan = configuredPlan } }, "spx.yaml", new HashSet<string> { "api.plan" });
        var monitor = new Command("monitor") { MonitorRunCommand.Create(steps, () => configuration, wall, () => new ApiKey(Key)) };
        var parse = new RootCommand { monitor, CommonOptions.Verbose }.Parse(args);
        if (parse.Errors.Count > 0) return new CliRun(ExitCodes.Usage, "", string.Join("; ", parse.Errors.Select(e => e.Message)));

        // SpxApp.Run's policy (usage error 2, failure 1), until the verb is attached under `spx monitor` and CliRun.Of reaches it.
        var output = new StringWriter();
        try
        {
            var exitCode = parse.Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter(), EnableDefaultExceptionHandler = false });
            return new CliRun(exitCode, output.ToString(), "");
        }
        catch (UsageException usage)
        {
            return new CliRun(ExitCodes.Usage, output.ToString(), usage.Message);
        }
        catch (Exception failure)
        {
            return new CliRun(ExitCodes.Failure, output.ToString(), failure.Message);
        }
    }

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Call(DateTimeOffset Slot, DateTimeOffset At);

    private sealed class RecordingSteps : IMonitorSteps
    {
        private readonly Lock _gate = new();
        private readonly List<Call> _polls = [];
        private readonly List<DateOnly> _endOfDays = [];

        public TimeProvider Time { get; set; } = TimeProvider.System;

        public IReadOnlyList<Call> Polls { get { lock (_gate) return [.. _polls]; } }

        public IReadOnlyList<DateOnly> EndOfDays { get { lock (_gate) return [.. _endOfDays]; } }

        public Task<string> PollAsync(DateTimeOffset instant, CancellationToken cancellationToken)
        {
            lock (_gate) _polls.Add(new Call(instant, Time.GetUtcNow()));
            return Task.FromResult("recorded");
        }

        public Task<string> EndOfDayAsync(DateOnly session, CancellationToken cancellationToken)
        {
            lock (_gate) _endOfDays.Add(session);
            return Task.FromResult("recorded");
        }

        public Task<IReadOnlySet<DateTimeOffset>> StoredPollsAsync(DateOnly session, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<DateTimeOffset>>(new HashSet<DateTimeOffset>());

        public Task<bool> EndOfDayDoneAsync(DateOnly session, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    /// <summary>A started simulator for a synchronous test.</summary>
    private sealed class PolygonSimulatorScope : IDisposable
    {
        private readonly PolygonSimulator _simulator;

        public PolygonSimulatorScope(SimulatorOptions options)
        {
            _simulator = new PolygonSimulator(options);
            BaseUri = _simulator.StartAsync().GetAwaiter().GetResult();
        }

        public Uri BaseUri { get; }

        public void Dispose() => _simulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
