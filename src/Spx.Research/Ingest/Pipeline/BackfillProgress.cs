using System.Collections.Concurrent;
using Spx.Research.Ingest.Units;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>
/// A backfill's counters, updated by its tasks and read by whoever prints progress. The ETA weighs units by
/// <see cref="UnitCost"/> and extrapolates from the units downloaded (not those skipped as already stored).
/// </summary>
public sealed class BackfillProgress(IReadOnlyList<WorkUnit> plan, Func<long> requests, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private readonly long _totalCost = plan.Sum(u => (long)UnitCost.Of(u.Source));
    private readonly ConcurrentDictionary<string, long> _rowsByTicker = new(StringComparer.Ordinal);
    private long _done;
    private long _skipped;
    private long _failed;
    private long _rows;
    private long _downloadTicks;
    private long _writeTicks;
    private long _doneCost;
    private long _finishedCost;

    /// <summary>Called on every step of every unit, from the backfill's tasks (a log, a test's recorder).</summary>
    public Action<UnitEvent>? Events { get; set; }

    /// <summary>The counters now, with the rate and an estimate of the time left.</summary>
    public BackfillSnapshot Snapshot()
    {
        var elapsed = time.GetElapsedTime(_started);
        var done = Interlocked.Read(ref _done);
        var doneCost = Interlocked.Read(ref _doneCost);
        var sent = requests();
        TimeSpan? eta = doneCost == 0 ? null : elapsed / doneCost * (_totalCost - Interlocked.Read(ref _finishedCost));
        return new BackfillSnapshot(
            plan.Count, done, Interlocked.Read(ref _skipped), Interlocked.Read(ref _failed), Interlocked.Read(ref _rows), sent,
            elapsed.TotalSeconds > 0 ? sent / elapsed.TotalSeconds : 0, elapsed, eta,
            TimeSpan.FromTicks(Interlocked.Read(ref _downloadTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _writeTicks)));
    }

    /// <summary>Rows stored or found stored so far per ticker (a ticker the server knows nothing of stays at 0).</summary>
    public IReadOnlyDictionary<string, long> RowsByTicker => new Dictionary<string, long>(_rowsByTicker, StringComparer.Ordinal);

    /// <summary>A unit's download began.</summary>
    public void Started(WorkUnit unit) => Events?.Invoke(new UnitEvent(unit, UnitStage.Started));

    /// <summary>A unit stored: its rows, and how long its download and its write took.</summary>
    public void Stored(WorkUnit unit, long rows, TimeSpan download, TimeSpan write)
    {
        Interlocked.Increment(ref _done);
        Interlocked.Add(ref _rows, rows);
        Interlocked.Add(ref _downloadTicks, download.Ticks);
        Interlocked.Add(ref _writeTicks, write.Ticks);
        Interlocked.Add(ref _doneCost, UnitCost.Of(unit.Source));
        Finish(unit, rows, UnitStage.Stored);
    }

    /// <summary>A unit the checkpoint already had, intact, with the rows it recorded.</summary>
    public void Skipped(WorkUnit unit, long rows)
    {
        Interlocked.Increment(ref _skipped);
        Finish(unit, rows, UnitStage.Skipped);
    }

    /// <summary>A unit given up after the client's retries.</summary>
    public void Failed(WorkUnit unit)
    {
        Interlocked.Increment(ref _failed);
        Finish(unit, 0, UnitStage.Failed);
    }

    private void Finish(WorkUnit unit, long rows, UnitStage stage)
    {
        Interlocked.Add(ref _finishedCost, UnitCost.Of(unit.Source));
        _rowsByTicker.AddOrUpdate(unit.Ticker, rows, (_, sum) => sum + rows);
        Events?.Invoke(new UnitEvent(unit, stage));
    }
}

/// <summary>One reading of <see cref="BackfillProgress"/>.</summary>
/// <param name="Download">Summed over units: network and JSON decode (the client decodes as it reads).</param>
/// <param name="Write">Summed over units: staging, validation and the atomic Parquet write.</param>
public sealed record BackfillSnapshot(
    int Units, long Done, long Skipped, long Failed, long Rows, long Requests, double RequestsPerSecond,
    TimeSpan Elapsed, TimeSpan? Eta, TimeSpan Download, TimeSpan Write)
{
    /// <summary>Units finished either way.</summary>
    public long Finished => Done + Skipped + Failed;
}
