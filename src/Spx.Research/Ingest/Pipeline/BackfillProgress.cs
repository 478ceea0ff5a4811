namespace Spx.Research.Ingest.Pipeline;

/// <summary>A backfill's counters, updated by its tasks and read by whoever prints progress.</summary>
public sealed class BackfillProgress(int totalUnits, Func<long> requests, TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();
    private long _done;
    private long _skipped;
    private long _failed;
    private long _rows;
    private long _downloadTicks;
    private long _writeTicks;

    /// <summary>The counters now, with the rate and an estimate of the time left.</summary>
    public BackfillSnapshot Snapshot()
    {
        var elapsed = time.GetElapsedTime(_started);
        var done = Interlocked.Read(ref _done);
        var finished = done + Interlocked.Read(ref _skipped) + Interlocked.Read(ref _failed);
        var sent = requests();
        TimeSpan? eta = done == 0 ? null : elapsed / finished * (totalUnits - finished);
        return new BackfillSnapshot(
            totalUnits, done, Interlocked.Read(ref _skipped), Interlocked.Read(ref _failed), Interlocked.Read(ref _rows), sent,
            elapsed.TotalSeconds > 0 ? sent / elapsed.TotalSeconds : 0, elapsed, eta,
            TimeSpan.FromTicks(Interlocked.Read(ref _downloadTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _writeTicks)));
    }

    /// <summary>A unit stored: its rows, and how long its download and its write took.</summary>
    public void Stored(long rows, TimeSpan download, TimeSpan write)
    {
        Interlocked.Increment(ref _done);
        Interlocked.Add(ref _rows, rows);
        Interlocked.Add(ref _downloadTicks, download.Ticks);
        Interlocked.Add(ref _writeTicks, write.Ticks);
    }

    /// <summary>A unit the checkpoint already had, intact.</summary>
    public void Skipped() => Interlocked.Increment(ref _skipped);

    /// <summary>A unit given up after the client's retries.</summary>
    public void Failed() => Interlocked.Increment(ref _failed);
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
