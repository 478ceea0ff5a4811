using System.Diagnostics;
using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The single writer: takes rows from the <see cref="StreamBuffer"/> and writes them every
/// <c>flush_seconds</c> or as soon as <c>flush_events</c> are waiting, whichever comes first; after each flush
/// it counts the stored rows and saves the checkpoint. When the buffer is completed it writes the rest and ends,
/// so a stop (SIGTERM) loses nothing already received. Each flush's write time and rows go to the per-source
/// <paramref name="metrics"/> when given (the job record's commit latency and throughput).
/// </summary>
public sealed class StreamFlusher(
    StreamBuffer buffer, StreamLakeSink sink, IReadOnlyDictionary<StreamSource, SourceActivity> activity,
    Action flushed, TimeSpan interval, int maxEvents, TimeProvider wall, SourceMetricsSet? metrics = null)
{
    private readonly HashSet<(string Dataset, DateOnly Date)> _written = [];

    /// <summary>Flushes written so far.</summary>
    public int Flushes { get; private set; }

    /// <summary>The partitions appended to so far (compacted at the stop).</summary>
    public IReadOnlyCollection<(string Dataset, DateOnly Date)> Written => _written;

    /// <summary>Runs until the buffer is completed and drained. Cancellation is not used: completing the buffer stops it.</summary>
    public async Task RunAsync()
    {
        var batch = new List<BufferedRow>(maxEvents);
        var reader = buffer.Reader;
        var due = wall.GetUtcNow() + interval;
        while (true)
        {
            var more = true;
            while (batch.Count < maxEvents && reader.TryRead(out var row)) batch.Add(row);
            if (batch.Count < maxEvents && wall.GetUtcNow() < due)
            {
                more = await WaitForRowsAsync(due - wall.GetUtcNow()).ConfigureAwait(false);
                if (more) continue;
            }
            if (batch.Count > 0 || !more) Flush(batch);
            due = wall.GetUtcNow() + interval;
            if (!more && reader.Completion.IsCompleted) return;
        }
    }

    /// <summary>True when rows are waiting; false when the wait ran out or the buffer is complete and empty.</summary>
    private async Task<bool> WaitForRowsAsync(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero) return false;
        try
        {
            return await buffer.Reader.WaitToReadAsync().AsTask().WaitAsync(timeout, wall).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Flush(List<BufferedRow> batch)
    {
        if (batch.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            var results = sink.Write(batch);
            foreach (var result in results)
            {
                var source = batch.First(r => r.Dataset == result.Dataset).Source;
                activity[source].Wrote(result.NewRows, result.QuarantinedRows);
                metrics?.For(source.Dataset).Commit(clock.Elapsed, result.NewRows);
                if (result.Changed) _written.Add((result.Dataset, result.Date));
            }
            Flushes++;
            batch.Clear();
        }
        flushed();
    }
}
