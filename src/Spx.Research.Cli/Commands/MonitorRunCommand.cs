using System.CommandLine;
using System.Runtime.InteropServices;
using Spx.Research.Configuration;
using Spx.Research.Polygon.Clock;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx monitor run [--base-url URL] [--plan P] [--lake DIR] [--server-clock] [--once]</c>: the unattended monitor.
/// Runs <see cref="MonitorScheduler"/> until Ctrl+C or SIGTERM (both stop between steps), or with <c>--once</c> until
/// the first end of day. The rate plan follows the api verbs' rule (<see cref="RatePlanChoice"/>) and the first line
/// says which applies. The poll and end of day come from <c>steps</c>, wired where the verb is attached under
/// <c>spx monitor</c>. See docs/monitor-scheduling.md.
/// </summary>
public static class MonitorRunCommand
{
    /// <param name="steps">Builds the lake-backed steps from the effective settings and the verb's client, log and clock.</param>
    /// <param name="configuration">The loaded configuration (the file, <c>SPX_LAKE</c> and defaults, when null); flags override it.</param>
    /// <param name="wall">The wall clock (tests pass fake time); the system clock when null.</param>
    /// <param name="apiKey">Where the key comes from; <c>MASSIVE_API_KEY</c> / <c>POLYGON_API_KEY</c> when null (tests pass one without touching the environment).</param>
    public static Command Create(Func<MonitorRunContext, IMonitorSteps> steps, Func<SpxConfiguration>? configuration = null, TimeProvider? wall = null, Func<ApiKey?>? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL, e.g. http://127.0.0.1:8765 for spx simulate serve (default: the configuration's api.base_url)" };
        var plan = new Option<string?>("--plan")
        {
            Description = "Client-side rate limit: free (5 requests/min), unlimited, or N/SECONDS (default: api.plan of the configuration, else free, unlimited for a loopback base URL)",
        };
        var lake = CommonOptions.Lake();
        var serverClock = new Option<bool>("--server-clock") { Description = "Follow the server's clock (serverTime of /v1/marketstatus/now) instead of the wall clock: for a simulator replaying a past day; needs an unlimited plan" };
        var once = new Option<bool>("--once") { Description = "Exit after the first end of day (the current or next session's)" };
        var run = new Command("run", "Run the monitor unattended: polls through each session, end of day after the close; Ctrl+C stops between steps")
        {
            baseUrl, plan, lake, serverClock, once,
        };
        run.SetAction(parse =>
        {
            var loaded = configuration?.Invoke() ?? CliConfiguration.Of(parse);
            var effective = Effective(loaded.Settings, parse.GetValue(baseUrl), parse.GetValue(lake), parse.GetValue(serverClock));
            var rate = RatePlanChoice.Resolve(parse.GetValue(plan), loaded, effective.Api.BaseUrl);
            if (effective.Monitor.FollowServerClock) rate.RequireUnlimitedForServerClock();
            var key = (apiKey is null ? ApiKey.FromEnvironment() : apiKey())
                ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}");
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            try
            {
                var request = new RunRequest(effective, rate, key, steps, parse.GetValue(once), wall ?? TimeProvider.System);
                RunAsync(request, parse.InvocationConfiguration.Output, stop.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    /// <summary>The settings with the flags over them: base URL, lake (a full path), server clock.</summary>
    private static SpxSettings Effective(SpxSettings loaded, string? baseUrl, string? lake, bool serverClock) => loaded with
    {
        Api = loaded.Api with { BaseUrl = string.IsNullOrWhiteSpace(baseUrl) ? loaded.Api.BaseUrl : ApiParsing.ParseBaseUrl(baseUrl) },
        Lake = loaded.Lake with { Path = Path.GetFullPath(lake is { Length: > 0 } flag ? flag : loaded.Lake.Path) },
        Monitor = loaded.Monitor with { FollowServerClock = loaded.Monitor.FollowServerClock || serverClock },
    };

    private static async Task RunAsync(RunRequest run, TextWriter output, CancellationToken stop)
    {
        var settings = run.Settings;
        var baseUri = settings.Api.BaseUrl;
        var log = new MonitorLog(output, settings.Logging.Folder);
        TimeProvider time = run.Wall;
        using var client = new PolygonRestClient(new PolygonClientOptions(run.Key)
        {
            BaseUri = baseUri,
            RequestTimeout = settings.Api.Timeout,
            Retry = RetrySettings.Default with { MaxRetries = settings.Api.Retries },
            RatePlan = run.Plan.Plan,
            // Unattended, a retry belongs in the log like everything else (spx api and monitor poll print it on stderr).
            OnRetry = notice => log.Write(time.GetUtcNow(), MonitorLogLevel.Warning, RetryLines.Rest(notice, settings.Api.Retries + 1)),
        });
        ServerClock? clock = null;
        if (settings.Monitor.FollowServerClock)
        {
            clock = await ServerClock.FollowAsync(
                client,
                new ServerClockOptions { OnNotice = message => log.Write(time.GetUtcNow(), MonitorLogLevel.Warning, message) },
                run.Wall,
                stop).ConfigureAwait(false);
            time = clock;
        }

        // After the clock is settled, so the line lands in the daily log of the (server's) day it describes.
        log.Write(time.GetUtcNow(), MonitorLogLevel.Info, $"api: {baseUri.GetLeftPart(UriPartial.Authority)}, rate plan {run.Plan}");
        if (clock is not null) log.Write(clock.GetUtcNow(), MonitorLogLevel.Info, $"clock: following {baseUri.GetLeftPart(UriPartial.Authority)} at {clock.Rate:0.##}x the wall clock");
        try
        {
            var work = run.Steps(new MonitorRunContext(settings, client, log, time));
            try
            {
                await new MonitorScheduler(work, settings.Monitor, log, time).RunAsync(run.Once, stop).ConfigureAwait(false);
            }
            finally
            {
                (work as IDisposable)?.Dispose();
            }
        }
        finally
        {
            // Before the client goes: a resync in flight would otherwise fail on it and log after the run.
            if (clock is not null) await clock.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>What one run needs, resolved from the command line before anything starts.</summary>
    private sealed record RunRequest(SpxSettings Settings, RatePlanChoice Plan, ApiKey Key, Func<MonitorRunContext, IMonitorSteps> Steps, bool Once, TimeProvider Wall);
}
