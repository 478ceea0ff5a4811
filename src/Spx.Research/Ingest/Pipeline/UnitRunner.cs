using System.Collections.Concurrent;
using Spx.Research.Ingest.Checkpoints;
using Spx.Research.Ingest.Downloads;
using Spx.Research.Ingest.Quality;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>
/// Runs one unit to the end: skip it when the checkpoint has it intact, else download, store (atomic), then
/// record it — in that order, so a kill at any point leaves either a recorded unit or one that is redone, and a
/// redone unit's append finds its rows already stored. A failure is kept as one line naming the unit.
/// </summary>
public sealed class UnitRunner(LakeLayout lake, IngestCheckpoint checkpoint, UnitStore store, BackfillProgress progress, bool overwrite, TimeProvider time)
{
    private readonly ConcurrentQueue<string> _failures = new();
    private int _notRun;

    /// <summary>Per-source figures (commit latency of each unit's lake writes, rows, failed units), for the job record.</summary>
    public SourceMetricsSet? Metrics { get; init; }

    /// <summary>Asked before each unit starts: true leaves the rest for a later run (<c>spx ingest stop</c>).</summary>
    public Func<bool> StopRequested { get; set; } = () => false;

    /// <summary>
    /// Cancelled by a stop request: downloads in flight are abandoned (nothing of them was stored or recorded, so a later
    /// run does them again), so a stop on a slow plan does not wait for minutes of rate-limited requests.
    /// </summary>
    public CancellationToken Abandon { get; set; }

    /// <summary>Units left for a later run because a stop was requested.</summary>
    public int NotRun => Volatile.Read(ref _notRun);

    /// <summary>Failures so far, one line each.</summary>
    public IReadOnlyList<string> Failures => [.. _failures];

    /// <summary>Runs a unit whose download gives one dataset's rows. True when it is stored (now or before).</summary>
    public Task<bool> Run(WorkUnit unit, Func<CancellationToken, Task<UnitRows>> download, CancellationToken ct) =>
        Run(unit, async token => [await download(token).ConfigureAwait(false)], ct);

    /// <summary>Runs a unit whose download gives rows of several datasets (options: the selection, then the bars).</summary>
    public async Task<bool> Run(WorkUnit unit, Func<CancellationToken, Task<IReadOnlyList<UnitRows>>> download, CancellationToken ct)
    {
        if (AlreadyStored(unit) is { } recorded)
        {
            progress.Skipped(unit, recorded.Rows);
            return true;
        }
        if (StopRequested())
        {
            Interlocked.Increment(ref _notRun);
            return false;
        }
        try
        {
            progress.Started(unit);
            var started = time.GetTimestamp();
            IReadOnlyList<UnitRows> parts;
            using (var downloading = CancellationTokenSource.CreateLinkedTokenSource(ct, Abandon))
                parts = await download(downloading.Token).ConfigureAwait(false);
            var downloaded = time.GetTimestamp();
            var files = new List<string>();
            foreach (var rows in parts) files.AddRange(await store.Write(rows, unit.Ticker, unit.Day, overwrite, ct).ConfigureAwait(false));
            checkpoint.Complete(unit.Key, new CompletedUnit(parts.Sum(p => p.Count), files.Distinct().Order(StringComparer.Ordinal).ToList(), time.GetUtcNow()), overwritten: overwrite);
            Metrics?.For(SourceName(unit)).Commit(time.GetElapsedTime(downloaded), parts.Sum(p => p.Count));
            Metrics?.For(SourceName(unit)).Request(failed: false);
            progress.Stored(unit, parts.Sum(p => p.Count), time.GetElapsedTime(started, downloaded), time.GetElapsedTime(downloaded));
            return true;
        }
        catch (Exception failure) when (!ct.IsCancellationRequested)
        {
            Fail(unit, OneLine(failure.Message));
            return false;
        }
    }

    /// <summary>Records a unit that cannot run (a unit it needs failed); after a stop request it is left for a later run instead.</summary>
    public void Fail(WorkUnit unit, string why)
    {
        if (StopRequested())
        {
            Interlocked.Increment(ref _notRun);
            return;
        }
        Metrics?.For(SourceName(unit)).Request(failed: true);
        _failures.Enqueue($"{unit.Key}: {why}");
        progress.Failed(unit);
    }

    /// <summary>
    /// The checkpoint's record of a unit that need not run: recorded with its files intact — and, in an
    /// <c>--overwrite</c> run, stored by this run (a resumed overwrite does not start over).
    /// </summary>
    private CompletedUnit? AlreadyStored(WorkUnit unit) =>
        checkpoint.Find(unit.Key) is { } done && (!overwrite || checkpoint.Overwritten(unit.Key)) && IngestCheckpoint.IsIntact(lake, done) ? done : null;

    /// <summary>A unit's metrics source: its dataset and ticker, e.g. <c>stock_bars_1m:SPY</c>.</summary>
    public static string SourceName(WorkUnit unit) => $"{unit.Dataset}:{unit.Ticker}";

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
