using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Output;
using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Monitor;
using Spx.Research.Polygon.Clock;
using Spx.Research.Monitor.Polling;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Notifications;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx monitor …</c>: the SPX put-hedging monitor. <c>poll</c> polls once (what the scheduler does every
/// 15 minutes, and what a crontab line calls). The key comes from <c>MASSIVE_API_KEY</c>/<c>POLYGON_API_KEY</c> only.
/// </summary>
public static class MonitorCommand
{
    public static Command Create()
    {
        var monitor = new Command("monitor", "The SPX put-hedging monitor: poll SPX/SPXW puts into the lake");
        monitor.Add(Poll());
        monitor.Add(MonitorEodCommand.Create());
        monitor.Add(MonitorDashboardCommand.Create());
        // Unattended: notification lines go to the run's log (terminal and daily file) like every other line.
        monitor.Add(MonitorRunCommand.Create(context => new LakeMonitorSteps(context.Client, context.Settings,
            Notifiers(context.Settings, line => context.Log.Write(context.Time.GetUtcNow(), MonitorLogLevel.Info, line)))));
        return monitor;
    }

    private static Command Poll()
    {
        var baseUrl = new Option<string?>("--base-url")
        {
            Description = $"API base URL (default {PolygonClientOptions.DefaultBaseUri}); e.g. http://127.0.0.1:PORT for spx simulate serve",
        };
        var plan = new Option<string?>("--plan")
        {
            Description = "Client-side rate limit: free (5 requests/min), unlimited, or N/SECONDS (default: api.plan of the configuration, else free, unlimited for a loopback --base-url)",
        };
        var serverClock = new Option<bool>("--server-clock")
        {
            Description = "Poll at the server's time (serverTime of /v1/marketstatus/now) instead of this machine's: for spx simulate serve, which replays a past day",
        };
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var command = new Command("poll", "Poll once: spot, the SPX/SPXW put window (20–45 days, strikes 80–95 % of spot), volume since the last poll, into monitor_polls")
        {
            baseUrl, plan, serverClock, lake, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = Settings(parse, parse.GetValue(baseUrl), parse.GetValue(serverClock), lake);
            var errors = parse.InvocationConfiguration.Error;
            var rate = RatePlanChoice.Resolve(parse.GetValue(plan), CliConfiguration.Of(parse), settings.Api.BaseUrl).Plan;
            var key = ApiKey.FromEnvironment() ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}");
            var options = new PolygonClientOptions(key)
            {
                BaseUri = settings.Api.BaseUrl,
                RatePlan = rate,
                RequestTimeout = settings.Api.Timeout,
            };
            options = options with
            {
                Retry = options.Retry with { MaxRetries = settings.Api.Retries },
                OnRetry = notice => errors.WriteLine(RetryLines.Rest(notice, settings.Api.Retries + 1)),
            };
            using var client = new PolygonRestClient(options);
            await using var followed = settings.Monitor.FollowServerClock ? await ServerClock.ReadOnceAsync(client, cancellationToken: ct) : null;
            TimeProvider clock = (TimeProvider?)followed ?? TimeProvider.System;

            var lakeLayout = new LakeLayout(settings.Lake.Path);
            using var notifier = Notifiers(settings, line => errors.WriteLine($"spx: {line}"));
            var cycle = await new MonitorCycle(client, lakeLayout, settings, clock, notifier).RunAsync(ct);
            var result = cycle.Poll;
            if (result.Skipped is { } why) errors.WriteLine($"spx: {why}");
            foreach (var c in result.Corrections)
            {
                errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"spx: {c.Ticker}: day volume went down from {c.PreviousVolume} (poll {c.PreviousPoll:yyyy-MM-ddTHH:mmZ}) to {c.DayVolume}: a data correction, stored with volume_delta 0"));
            }
            if (result.Unreadable > 0) errors.WriteLine($"spx: warning: {result.Unreadable} chain item(s) without a readable ticker were left out");
            var chosen = parse.GetValue(format);
            ResultWriter.Write(Summary(result), chosen, parse.InvocationConfiguration.Output);
            // The detector's lines follow the table; with csv/json they go to stderr so stdout stays machine-readable.
            var notes = chosen == OutputFormat.Table ? parse.InvocationConfiguration.Output : errors;
            foreach (var line in cycle.Detection?.Summary() ?? []) notes.WriteLine(line);
            foreach (var failed in cycle.Notified.Where(n => n.Status == NotificationStatus.Failed))
                errors.WriteLine($"spx: warning: notification to {failed.Target} failed: {failed.Error}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A notifier when the configuration names targets; its failures are logged through <paramref name="log"/>, never thrown.</summary>
    private static Notifier? Notifiers(SpxSettings settings, Action<string> log) =>
        settings.Notifications.Targets.Count == 0
            ? null
            : new Notifier(settings.Notifications, new NotifierOptions
            {
                Log = log,
                StateFile = NotificationState.PathInLake(settings.Lake.Path),
            });

    /// <summary>
    /// The one place the poll's settings come in: the configuration (<c>--config</c>, <c>SPX_CONFIG</c>,
    /// <c>./spx.yaml</c> or the defaults) with the flags over it; the rate plan is <see cref="RatePlanChoice"/>'s.
    /// </summary>
    private static SpxSettings Settings(ParseResult parse, string? baseUrl, bool serverClock, Option<string?> lake)
    {
        var configured = CliConfiguration.Of(parse).Settings;
        return configured with
        {
            Api = configured.Api with { BaseUrl = baseUrl is null ? configured.Api.BaseUrl : ApiParsing.ParseBaseUrl(baseUrl) },
            Lake = configured.Lake with { Path = CommonOptions.ResolveLake(parse, lake) },
            Monitor = configured.Monitor with { FollowServerClock = serverClock || configured.Monitor.FollowServerClock },
        };
    }

    private static ResultTable Summary(PollResult result) => new(
        ["poll_ts", "session", "status", "spot", "contracts", "expirations", "by_root", "rows_written", "corrections", "elapsed_s"],
        [[
            result.PollTs,
            result.Session,
            result.Skipped is null ? "polled" : "not a trading session",
            result.Spot,
            result.Contracts,
            result.Expirations,
            string.Join(" ", result.ByRoot.Select(r => $"{r.Root}:{r.Contracts}({(r.Settlement == Market.SettlementTiming.AmSettled ? "AM" : "PM")})")),
            result.RowsWritten,
            result.Corrections.Count,
            Math.Round(result.Elapsed.TotalSeconds, 3),
        ]]);
}
