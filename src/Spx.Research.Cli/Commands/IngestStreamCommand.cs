using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Ingest.Quality;
using Spx.Research.Ingest.Streaming;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon.Clock;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx ingest stream [--tickers SPY] [--base-url URL] [--lake DIR] [--outside-hours] [--until HH:MM] [--contracts FILE|list]
/// [--server-clock]</c>: records the session's aggregates and news into the lake until the close (docs/streaming.md).
/// Ctrl+C, SIGTERM or <c>spx ingest stop JOB</c> stop it after writing everything received (exit 0). Progress lines go
/// to stderr, the summary to stdout. It runs as a job with per-dataset metrics, applies the bar rules, watches the news
/// results for schema drift, and discovers the day's contracts itself when nothing names them (docs/data-quality.md).
/// </summary>
public static class IngestStreamCommand
{
    public static Command Create()
    {
        var tickers = new Option<string[]?>("--tickers")
        {
            Description = "Stocks/ETFs recorded per second and minute, comma-separated (default: ingest.tickers, SPY)", HelpName = "SPY,QQQ",
            CustomParser = ValueParsers.Each(Tickers.Underlying),
        };
        var baseUrl = new Option<string?>("--base-url") { Description = "API base URL, e.g. http://127.0.0.1:8765 for spx simulate serve (streams on the same host); default: the live API" };
        var lake = CommonOptions.Lake();
        var outsideHours = new Option<bool>("--outside-hours") { Description = "Record even outside the NYSE session (otherwise it refuses to start)" };
        var until = new Option<TimeOnly?>("--until")
        {
            Description = "Stop at this New York time instead of the close", HelpName = "HH:MM",
            CustomParser = ValueParsers.Optional(Time),
        };
        var contracts = new Option<string?>("--contracts") { Description = "The day's option contracts: a file (one ticker per line) or a comma list (default: the day's option_selection partition)", HelpName = "FILE|list" };
        var serverClock = new Option<bool>("--server-clock") { Description = "Follow the server's clock (/v1/marketstatus/now): for spx simulate serve replaying a past day" };
        var format = CommonOptions.Format();
        var command = new Command("stream", "Record the session's stock seconds and minutes, index minutes, the day's option minutes and news into the lake, until the close")
        {
            tickers, baseUrl, lake, outsideHours, until, contracts, serverClock, format,
        };
        command.SetAction(parse =>
        {
            var configuration = CliConfiguration.Of(parse);
            var configured = configuration.Settings;
            var baseUri = parse.GetValue(baseUrl) is { Length: > 0 } url ? ApiParsing.ParseBaseUrl(url) : configured.Api.BaseUrl;
            var run = new Run(
                configured.Ingest.Stream,
                parse.GetValue(tickers) is { Length: > 0 } given ? given : configured.Ingest.Tickers,
                RatePlanChoice.Resolve(null, configuration, baseUri).Plan,
                CommonOptions.ResolveLake(parse, lake),
                baseUri,
                configured.Api,
                configured.Ingest,
                ApiKey.FromEnvironment() ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}"),
                parse.GetValue(contracts), parse.GetValue(until), parse.GetValue(outsideHours), parse.GetValue(serverClock),
                parse.InvocationConfiguration.Error);
            var summary = WithSignals(run.ExecuteAsync);
            ResultWriter.Write(Table(summary), parse.GetValue(format), parse.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Runs <paramref name="work"/> until it ends or Ctrl+C / SIGTERM asks it to stop (then it still finishes its flush).</summary>
    private static T WithSignals<T>(Func<CancellationToken, Task<T>> work)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Cancel(); });
        try
        {
            return work(stop.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private sealed record Run(
        IngestStreamSettings Settings, IReadOnlyList<string> Tickers, RatePlan Plan, string Lake, Uri BaseUri, ApiSettings Api, IngestSettings Ingest, ApiKey Key,
        string? Contracts, TimeOnly? Until, bool OutsideHours, bool ServerClock, TextWriter Log)
    {
        public async Task<StreamSummary> ExecuteAsync(CancellationToken stop)
        {
            void Write(string line) { lock (Log) Log.WriteLine($"spx: {line}"); }
            var layout = new LakeLayout(Lake);
            var drift = new SchemaDriftMonitor(layout, TimeProvider.System, line => Write($"warning: {line}"));
            using var rest = new PolygonRestClient(new PolygonClientOptions(Key)
            {
                BaseUri = BaseUri,
                RequestTimeout = Api.Timeout,
                Retry = RetrySettings.Default with { MaxRetries = Api.Retries },
                RatePlan = Plan,
                OnRetry = notice => Write(RetryLines.Rest(notice, Api.Retries + 1)),
                ResultObserver = drift.Observe,
            });
            await using var clock = ServerClock ? await FollowAsync(rest, Write, stop) : null;
            TimeProvider time = !ServerClock ? TimeProvider.System
                : clock is not null ? clock : await Polygon.Clock.ServerClock.ReadOnceAsync(rest, cancellationToken: stop);
            var today = NewYorkTime.LocalDate(time.GetUtcNow());
            var list = await ContractsAsync(rest, layout, today, Write, stop);
            using var job = new JobRegistry(layout).Start("stream", IngestJobBeat.Arguments());
            var metrics = new SourceMetricsSet(TimeProvider.System, IngestJobBeat.Thresholds(Ingest));
            job.Metrics = metrics.Snapshots;
            var recorder = new StreamRecorder(new StreamRecorderOptions
            {
                Settings = Settings,
                Tickers = Tickers,
                LakeRoot = Lake,
                ApiKey = Key,
                StreamBase = StreamEndpoint.For(BaseUri),
                NewsClient = rest,
                Contracts = list,
                Until = Until,
                OutsideHours = OutsideHours,
                Clock = time,
                Metrics = metrics,
                Log = Write,
            });
            return await RecordAsJob(recorder, job, $"session {today:yyyy-MM-dd}: checkpoint {StreamState.CheckpointFile(Lake)}", stop);
        }

        /// <summary>The given or stored contracts; on a session day with neither, the stream's own discovery (docs/streaming.md).</summary>
        private async Task<IReadOnlyList<string>> ContractsAsync(PolygonRestClient rest, LakeLayout layout, DateOnly today, Action<string> log, CancellationToken stop)
        {
            var (list, from) = ContractList.Load(Contracts, layout, today, Tickers);
            // Not on a closed day: the recorder then says why it does not stream (or, --outside-hours, streams no options).
            if (list.Count == 0 && string.IsNullOrWhiteSpace(Contracts) && NyseCalendar.Default.IsSession(today))
                (list, from) = (await Discovery(rest, layout, log).DiscoverAsync(today, Tickers, stop), "discovery");
            log($"option contracts: {list.Count} from {from}");
            return list;
        }

        /// <summary>Records until the end, a signal or <c>spx ingest stop</c>, keeping the job record current; ends it finished or stopped.</summary>
        private static async Task<StreamSummary> RecordAsJob(StreamRecorder recorder, JobHandle job, string checkpoint, CancellationToken stop)
        {
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop, job.StopRequested);
            using var beating = new CancellationTokenSource();
            var beat = IngestJobBeat.Run(job, () => checkpoint, beating.Token);
            try
            {
                var summary = await recorder.RunAsync(stopping.Token);
                job.End(job.IsStopRequested ? JobState.Stopped : JobState.Finished, job.IsStopRequested ? "stopped on request after flushing and checkpointing" : null);
                return summary;
            }
            finally
            {
                await beating.CancelAsync();
                await beat;
            }
        }

        private StreamContractDiscovery Discovery(PolygonRestClient rest, LakeLayout layout, Action<string> log) =>
            new(rest, layout, new DiscoveryRule(DiscoveryRule.ParseExpiry(Ingest.Expiry), Ingest.StrikeBandPercent), Ingest.DiscoveryWindowDays, log);
    }

    /// <summary>
    /// The server's clock, or null when it stands still (a simulator at <c>--speed max</c>): then the caller reads
    /// it once and lets it run on the wall clock, and the stream stops by event time, which runs far ahead.
    /// </summary>
    private static async Task<Polygon.Clock.ServerClock?> FollowAsync(PolygonRestClient rest, Action<string> log, CancellationToken stop)
    {
        try
        {
            return await Polygon.Clock.ServerClock.FollowAsync(rest, new ServerClockOptions { OnNotice = log }, cancellationToken: stop);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("stands still", StringComparison.Ordinal))
        {
            log("the server clock stands still (--speed max): starting from its time on the wall clock; the stream stops by event time");
            return null;
        }
    }

    private static TimeOnly Time(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException("is not a time of day: expected HH:MM (New York time), e.g. 15:45");

    private static ResultTable Table(StreamSummary summary) => new(
        ["source", "session", "messages", "late", "rows_written", "quarantined", "connection", "last_event"],
        [.. summary.Sources.Select(s => new object?[] { s.Source, summary.Session, s.TotalToday, s.Late, s.RowsWritten, s.Quarantined, s.Connection, s.LastEvent })]);
}
