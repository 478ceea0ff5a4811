using System.CommandLine;
using System.Runtime.InteropServices;
using Spx.Research.Configuration;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx monitor run [--base-url URL] [--lake DIR] [--server-clock] [--once]</c>: the unattended monitor. Runs
/// <see cref="MonitorScheduler"/> until Ctrl+C or SIGTERM (both stop between steps), or with <c>--once</c> until the
/// first end of day. The poll and end of day come from <paramref name="steps"/>, wired where the verb is attached
/// under <c>spx monitor</c>. See docs/monitor-scheduling.md.
/// </summary>
public static class MonitorRunCommand
{
    /// <param name="steps">Builds the lake-backed steps from the effective settings and the verb's client, log and clock.</param>
    /// <param name="settings">The loaded settings (the configuration file, <c>SPX_LAKE</c> and defaults, when null); flags override them.</param>
    /// <param name="wall">The wall clock (tests pass fake time); the system clock when null.</param>
    /// <param name="apiKey">Where the key comes from; <c>MASSIVE_API_KEY</c> / <c>POLYGON_API_KEY</c> when null (tests pass one without touching the environment).</param>
    public static Command Create(Func<MonitorRunContext, IMonitorSteps> steps, Func<SpxSettings>? settings = null, TimeProvider? wall = null, Func<ApiKey?>? apiKey = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL, e.g. http://127.0.0.1:8765 for spx simulate serve (default: the configuration's api.base_url)" };
        var lake = CommonOptions.Lake();
        var serverClock = new Option<bool>("--server-clock") { Description = "Follow the server's clock (serverTime of /v1/marketstatus/now) instead of the wall clock: for a simulator replaying a past day" };
        var once = new Option<bool>("--once") { Description = "Exit after the first end of day (the current or next session's)" };
        var run = new Command("run", "Run the monitor unattended: polls through each session, end of day after the close; Ctrl+C stops between steps")
        {
            baseUrl, lake, serverClock, once,
        };
        run.SetAction(parse =>
        {
            var loaded = settings?.Invoke() ?? CliConfiguration.Of(parse).Settings;
            var effective = loaded with
            {
                Api = loaded.Api with { BaseUrl = ResolveBase(parse.GetValue(baseUrl), loaded.Api.BaseUrl) },
                Lake = loaded.Lake with { Path = Path.GetFullPath(parse.GetValue(lake) is { Length: > 0 } flag ? flag : loaded.Lake.Path) },
                Monitor = loaded.Monitor with { FollowServerClock = loaded.Monitor.FollowServerClock || parse.GetValue(serverClock) },
            };
            var key = (apiKey is null ? ApiKey.FromEnvironment() : apiKey())
                ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}");
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += onCancel;
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
            try
            {
                RunAsync(effective, key, steps, parse.GetValue(once), wall ?? TimeProvider.System, parse.InvocationConfiguration.Output, stop.Token).GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return ExitCodes.Ok;
        });
        return run;
    }

    private static async Task RunAsync(SpxSettings settings, ApiKey key, Func<MonitorRunContext, IMonitorSteps> steps, bool once, TimeProvider wall, TextWriter output, CancellationToken stop)
    {
        var baseUri = settings.Api.BaseUrl;
        var log = new MonitorLog(output, settings.Logging.Folder);
        TimeProvider time = wall;
        using var client = new PolygonRestClient(new PolygonClientOptions(key)
        {
            BaseUri = baseUri,
            RequestTimeout = settings.Api.Timeout,
            Retry = RetrySettings.Default with { MaxRetries = settings.Api.Retries },
            RatePlan = baseUri.IsLoopback || settings.Api.Plan.Equals("unlimited", StringComparison.OrdinalIgnoreCase) ? RatePlan.Unlimited : RatePlan.Free,
            // Unattended, a retry belongs in the log like everything else (spx api and monitor poll print it on stderr).
            OnRetry = notice => log.Write(time.GetUtcNow(), MonitorLogLevel.Warning, RetryLines.Rest(notice, settings.Api.Retries + 1)),
        });
        ServerClock? clock = null;
        if (settings.Monitor.FollowServerClock)
        {
            clock = await ServerClock.FollowAsync(
                client,
                new ServerClockOptions { OnNotice = message => log.Write(time.GetUtcNow(), MonitorLogLevel.Warning, message) },
                wall,
                stop).ConfigureAwait(false);
            log.Write(clock.GetUtcNow(), MonitorLogLevel.Info, $"clock: following {baseUri.GetLeftPart(UriPartial.Authority)} at {clock.Rate:0.##}x the wall clock");
            time = clock;
        }

        try
        {
            var context = new MonitorRunContext(settings, client, log, time);
            var work = steps(context);
            try
            {
                await new MonitorScheduler(work, settings.Monitor, log, time).RunAsync(once, stop).ConfigureAwait(false);
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

    private static Uri ResolveBase(string? text, Uri configured) =>
        string.IsNullOrWhiteSpace(text) ? configured : ApiCommand.ParseBaseUrl(text);
}
