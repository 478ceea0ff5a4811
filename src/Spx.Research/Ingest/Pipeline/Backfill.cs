using System.Threading.Channels;
using Spx.Research.Ingest.Checkpoints;
using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Downloads;
using Spx.Research.Ingest.Quality;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>
/// One historical backfill (docs/ingest.md, "Pipeline"). Days run in order; within a day every ticker's
/// underlying units run at once. As soon as a ticker's minute bars and listing for day N are stored, its
/// options for day N are handed to a bounded channel whose readers discover and download them while day N+1's
/// underlying downloads. All requests share the client's one rate limiter and at most
/// <see cref="BackfillRequest.Parallelism"/> are in flight.
/// </summary>
public sealed class Backfill
{
    private readonly BackfillRequest _request;
    private readonly UnitDownloader _downloader;
    private readonly UnitRunner _runner;
    private readonly LakeInputs _inputs;
    private readonly UnitStore _store;
    private readonly NyseCalendar _calendar = NyseCalendar.Default;
    private readonly Channel<OptionDay> _optionDays = Channel.CreateBounded<OptionDay>(new BoundedChannelOptions(2) { SingleWriter = true });

    /// <param name="client">The client; its rate limiter should be <paramref name="limiter"/> (shared, counting).</param>
    public Backfill(PolygonRestClient client, CountingRateLimiter limiter, LakeLayout lake, BackfillRequest request, TimeProvider? time = null)
    {
        _request = request;
        var clock = time ?? TimeProvider.System;
        Checkpoint = IngestCheckpoint.Open(lake, request.JobName);
        Progress = new BackfillProgress(Plan(), () => limiter.Granted, clock);
        _downloader = new UnitDownloader(client, new SemaphoreSlim(request.Parallelism, request.Parallelism), request.DiscoveryWindowDays);
        _store = new UnitStore(lake);
        Metrics = new SourceMetricsSet(clock, request.Thresholds);
        _runner = new UnitRunner(lake, Checkpoint, _store, Progress, request.Overwrite, clock) { Metrics = Metrics };
        _inputs = new LakeInputs(lake);
    }

    /// <summary>Counters for a progress display.</summary>
    public BackfillProgress Progress { get; }

    /// <summary>The job's checkpoint.</summary>
    public IngestCheckpoint Checkpoint { get; }

    /// <summary>Per-source figures: each unit's lake-write latency and rows, failed units (docs/data-quality.md).</summary>
    public SourceMetricsSet Metrics { get; }

    /// <summary>
    /// Asked before each unit and each day (<c>spx ingest stop</c>): once true, units running finish and no new one
    /// starts, so the checkpoint holds every stored unit and the same command later does the rest.
    /// </summary>
    public Func<bool> StopRequested
    {
        get => _runner.StopRequested;
        set => _runner.StopRequested = value;
    }

    /// <summary>Cancelled on a stop request: downloads in flight are abandoned, not recorded (see <see cref="UnitRunner.Abandon"/>).</summary>
    public CancellationToken AbandonDownloads
    {
        get => _runner.Abandon;
        set => _runner.Abandon = value;
    }

    /// <summary>Every unit of the request, day by day.</summary>
    public IReadOnlyList<WorkUnit> Plan() => [.. Days().SelectMany(UnitsOf)];

    /// <summary>Runs every unit not yet stored; failures are reported, not thrown, and what was stored stays.</summary>
    public async Task<BackfillReport> RunAsync(CancellationToken ct = default)
    {
        if (_request.Overwrite) Checkpoint.BeginOverwrite(_request.Scope);
        var readers = Enumerable.Range(0, Math.Max(1, _request.Tickers.Count)).Select(_ => Task.Run(() => ReadOptionDays(ct), ct)).ToList();
        try
        {
            foreach (var day in Days())
            {
                if (StopRequested()) break;
                await RunDay(day, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _optionDays.Writer.Complete();
        }
        await Task.WhenAll(readers).ConfigureAwait(false);
        var stopped = StopRequested() && Progress.Snapshot().Finished < Progress.Snapshot().Units;
        if (_request.Overwrite && _runner.Failures.Count == 0 && !stopped) Checkpoint.EndOverwrite();
        return new BackfillReport(Progress.Snapshot(), _runner.Failures, stopped ? [] : NoData(), Checkpoint.Path)
        {
            Quarantined = _store.Quarantined,
            Stopped = stopped,
        };
    }

    /// <summary>
    /// One line per ticker of which the server returned no row at all (an unknown ticker, or one the plan does not
    /// cover): the run is not silently empty. Index units are not a ticker's.
    /// </summary>
    private IReadOnlyList<string> NoData()
    {
        var rows = Progress.RowsByTicker;
        return [.. _request.Tickers.Where(t => rows.GetValueOrDefault(t) == 0 && Plan().Any(u => u.Ticker == t)).Select(t =>
            $"{t}: the server returned no rows for {t} from {string.Join(", ", _request.Sources.Where(s => s is not (IngestSource.Vix or IngestSource.Spx)).Select(IngestSources.Name))} " +
            $"over {_request.From:yyyy-MM-dd}..{_request.To:yyyy-MM-dd}: an unknown ticker, or one this plan or server does not cover")];
    }

    private IEnumerable<DateOnly> Days()
    {
        for (var day = _request.From; day <= _request.To; day = day.AddDays(1)) yield return day;
    }

    /// <summary>News on every calendar day; the rest on sessions only.</summary>
    private IEnumerable<WorkUnit> UnitsOf(DateOnly day)
    {
        var sources = _request.Sources;
        var session = _calendar.IsSession(day);
        foreach (var ticker in _request.Tickers)
        {
            foreach (var source in new[] { IngestSource.Minutes, IngestSource.Contracts, IngestSource.Options, IngestSource.Seconds })
                if (session && sources.Contains(source)) yield return new WorkUnit(source, ticker, day);
            if (sources.Contains(IngestSource.News)) yield return new WorkUnit(IngestSource.News, ticker, day);
        }
        if (session && sources.Contains(IngestSource.Vix)) yield return new WorkUnit(IngestSource.Vix, "I:VIX", day);
        if (session && sources.Contains(IngestSource.Spx)) yield return new WorkUnit(IngestSource.Spx, "I:SPX", day);
    }

    private async Task RunDay(DateOnly day, CancellationToken ct)
    {
        var units = UnitsOf(day).ToList();
        var running = units.Where(u => u.Source != IngestSource.Options).ToDictionary(u => u, u => _runner.Run(u, t => _downloader.Download(u, t), ct));
        foreach (var options in units.Where(u => u.Source == IngestSource.Options))
        {
            // The options need this ticker's open (minute bars) and listing: hand them on once both are stored.
            var minutes = await running[options with { Source = IngestSource.Minutes }].ConfigureAwait(false);
            var listing = await running[options with { Source = IngestSource.Contracts }].ConfigureAwait(false);
            await _optionDays.Writer.WriteAsync(new OptionDay(options, minutes && listing), ct).ConfigureAwait(false);
        }
        await Task.WhenAll(running.Values).ConfigureAwait(false);
    }

    private async Task ReadOptionDays(CancellationToken ct)
    {
        await foreach (var day in _optionDays.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            if (!day.Ready)
            {
                _runner.Fail(day.Unit, "not downloaded: the day's minute bars or contract listing failed");
                continue;
            }
            await _runner.Run(day.Unit, t => DownloadOptions(day.Unit, t), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Discovery over the stored open and listing, then the chosen contracts' minute bars.</summary>
    private async Task<IReadOnlyList<UnitRows>> DownloadOptions(WorkUnit unit, CancellationToken ct)
    {
        var session = _calendar.Session(unit.Day);
        // No minute bars at all for the day (a ticker the server does not know): nothing to choose from; the report says so.
        if (!_inputs.HasMinuteBars(unit.Ticker, unit.Day)) return [];
        var open = _inputs.OpeningPrice(unit.Ticker, session);
        var selection = ContractDiscovery.Select(unit.Day, unit.Ticker, open, _inputs.Listing(unit.Ticker, unit.Day), _request.Rule);
        if (selection.Contracts.Count == 0) return [];
        return [ReferenceRows.Selection(selection), await _downloader.DownloadOptions(selection, ct).ConfigureAwait(false)];
    }

    /// <summary>A ticker's options unit for a day, and whether what it needs was stored.</summary>
    private sealed record OptionDay(WorkUnit Unit, bool Ready);
}
