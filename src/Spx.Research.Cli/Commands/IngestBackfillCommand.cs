using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Ingest.Quality;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx ingest backfill</c>: history into the lake, unit by unit, resumable after a kill (docs/ingest.md).
/// Exit 0 when every unit is stored (or a stop request left the rest for a rerun), 1 when some failed (one line each,
/// what was stored kept), 2 for usage errors. It runs as a job (<c>spx ingest status</c>, <c>spx ingest stop</c>), its
/// writes apply the bar rules, and its REST results are watched for schema drift (docs/data-quality.md).
/// </summary>
public static class IngestBackfillCommand
{
    private static readonly Option<DateOnly> From = new("--from") { Description = "First day (YYYY-MM-DD)", Required = true, CustomParser = CommonOptions.SessionDate() };
    private static readonly Option<DateOnly> To = new("--to") { Description = "Last day (YYYY-MM-DD), inclusive", Required = true, CustomParser = CommonOptions.SessionDate() };
    private static readonly Option<string[]?> TickerList = new("--tickers")
    {
        Description = "Underlyings, comma-separated (default: ingest.tickers of the configuration, else SPY)",
        CustomParser = CommaSeparatedTickers,
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<IReadOnlySet<IngestSource>> Sources = new("--sources")
    {
        Description = $"all, or some of {string.Join(",", IngestSources.All.Select(IngestSources.Name))} (options bring minutes and contracts along)",
        DefaultValueFactory = _ => new HashSet<IngestSource>(IngestSources.All),
        CustomParser = ValueParsers.For(IngestSources.Parse),
    };
    private static readonly Option<string?> Plan = new("--plan")
    {
        Description = "Request budget: free (5/min), unlimited, or N/SECONDS (default: ingest.plan, else free; a loopback simulator is throttled too)",
    };
    private static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Download the range again and replace it in place, one atomic swap per partition (history correction)" };
    private static readonly Option<string?> BaseUrl = new("--base-url") { Description = $"API base URL (default {PolygonClientOptions.DefaultBaseUri}); e.g. http://127.0.0.1:PORT for spx simulate serve" };
    private static readonly Option<string?> Job = new("--job") { Description = "Checkpoint name under LAKE/_state/ingest/ (default backfill-<TICKERS>)" };

    public static Command Create()
    {
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var command = new Command("backfill", "Download history into the lake: stock seconds/minutes, VIX, SPX, news, option contracts and near-the-money option minutes; resumable")
        {
            From, To, TickerList, Sources, Plan, Overwrite, BaseUrl, Job, lake, format,
            IngestDiscoveryOptions.Expiry, IngestDiscoveryOptions.StrikeBand, IngestDiscoveryOptions.Parallelism,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = CliConfiguration.Of(parse).Settings;
            var request = Request(parse, settings.Ingest) with { Thresholds = IngestJobBeat.Thresholds(settings.Ingest) };
            var layout = new LakeLayout(CommonOptions.ResolveLake(parse, lake));
            var errors = parse.InvocationConfiguration.Error;
            using var limiter = new CountingRateLimiter(ApiParsing.ParsePlan(parse.GetValue(Plan) ?? settings.Ingest.Plan, BaseUri(parse, settings)).CreateLimiter());
            var drift = new SchemaDriftMonitor(layout, TimeProvider.System, line => errors.WriteLine($"spx: warning: {line}"));
            using var client = new PolygonRestClient(ClientOptions(parse, settings, limiter, errors) with { ResultObserver = drift.Observe });
            var backfill = new Backfill(client, limiter, layout, request);
            using var job = new JobRegistry(layout).Start("backfill", IngestJobBeat.Arguments());
            job.Metrics = backfill.Metrics.Snapshots;
            backfill.StopRequested = () => job.IsStopRequested;
            backfill.AbandonDownloads = job.StopRequested;
            var report = await RunAsJob(backfill, job, errors, settings.Ingest.ProgressInterval, ct);
            ResultWriter.Write(Summary(report), parse.GetValue(format), parse.InvocationConfiguration.Output);
            foreach (var failure in report.Failures.Concat(report.NoData)) errors.WriteLine($"spx: error: {failure}");
            if (report.Stopped) errors.WriteLine($"spx: stopped on request ({job.Id}); run the same command again to finish");
            return report.Failures.Count == 0 && report.NoData.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static BackfillRequest Request(ParseResult parse, IngestSettings settings)
    {
        var (from, to) = (parse.GetValue(From), parse.GetValue(To));
        if (to < from) throw new UsageException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        var tickers = parse.GetValue(TickerList) is { Length: > 0 } given
            ? given.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList()
            : [.. settings.Tickers];
        if (tickers.Any(t => t.StartsWith("I:", StringComparison.Ordinal)))
            throw new UsageException("--tickers takes stock tickers (SPY, QQQ); indices come with --sources vix,spx");
        return new BackfillRequest(from, to, tickers, parse.GetValue(Sources)!, IngestDiscoveryOptions.Rule(parse, settings), parse.GetValue(Overwrite),
            IngestDiscoveryOptions.InFlight(parse, settings), settings.DiscoveryWindowDays, parse.GetValue(Job));
    }

    /// <summary><c>--tickers SPY,QQQ</c> or <c>--tickers SPY QQQ</c>: each name checked on its own.</summary>
    private static string[] CommaSeparatedTickers(System.CommandLine.Parsing.ArgumentResult result)
    {
        var tickers = new List<string>();
        foreach (var text in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            try
            {
                tickers.Add(Tickers.Underlying(text));
            }
            catch (FormatException problem)
            {
                result.AddError($"--tickers '{text}' {problem.Message}");
                return [];
            }
        }
        return [.. tickers];
    }

    private static Uri BaseUri(ParseResult parse, SpxSettings settings) =>
        parse.GetValue(BaseUrl) is { Length: > 0 } text ? ApiParsing.ParseBaseUrl(text) : settings.Api.BaseUrl;

    private static PolygonClientOptions ClientOptions(ParseResult parse, SpxSettings settings, CountingRateLimiter limiter, TextWriter errors)
    {
        var key = ApiKey.FromEnvironment() ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}");
        var options = new PolygonClientOptions(key) { BaseUri = BaseUri(parse, settings), SharedRateLimiter = limiter, RequestTimeout = settings.Api.Timeout };
        return options with
        {
            Retry = options.Retry with { MaxRetries = settings.Api.Retries },
            OnRetry = notice => errors.WriteLine(RetryLines.Rest(notice, settings.Api.Retries + 1)),
        };
    }

    /// <summary>Runs the backfill with its progress lines and job beat; the job ends finished, stopped or failed.</summary>
    private static async Task<BackfillReport> RunAsJob(Backfill backfill, JobHandle job, TextWriter errors, TimeSpan interval, CancellationToken ct)
    {
        var terminal = errors == Console.Error && !Console.IsErrorRedirected;
        using var stop = new CancellationTokenSource();
        var printer = IngestProgressLines.Print(backfill.Progress, errors, terminal, interval, stop.Token);
        var beat = IngestJobBeat.Run(job, () => CheckpointLine(backfill), stop.Token);
        try
        {
            var report = await backfill.RunAsync(ct);
            job.Checkpoint(CheckpointLine(backfill));
            if (report.Stopped) job.End(JobState.Stopped, $"stopped on request after {report.Totals.Finished} of {report.Totals.Units} units; the same command resumes");
            else if (report.Complete) job.End(JobState.Finished);
            else job.End(JobState.Failed, report.Failures.Concat(report.NoData).First());
            return report;
        }
        finally
        {
            await stop.CancelAsync();
            await printer;
            await beat;
            errors.WriteLine(IngestProgressLines.Format(backfill.Progress.Snapshot()));
        }
    }

    /// <summary>The job record's checkpoint: the progress line and the checkpoint file.</summary>
    private static string CheckpointLine(Backfill backfill) =>
        $"{IngestProgressLines.Format(backfill.Progress.Snapshot()).Replace("spx: ingest: ", "", StringComparison.Ordinal)}; checkpoint {backfill.Checkpoint.Path}";

    private static ResultTable Summary(BackfillReport report)
    {
        var t = report.Totals;
        return new ResultTable(
            ["units", "stored", "already_stored", "failed", "quarantined", "rows", "requests", "elapsed_s", "download_s", "write_s", "checkpoint"],
            [[t.Units, t.Done, t.Skipped, t.Failed, report.Quarantined, t.Rows, t.Requests, Math.Round(t.Elapsed.TotalSeconds, 3),
              Math.Round(t.Download.TotalSeconds, 3), Math.Round(t.Write.TotalSeconds, 3), report.Checkpoint]]);
    }
}
