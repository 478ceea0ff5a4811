using Spx.Research.Ingest.Quality;

namespace Spx.Research.Ingest.Jobs;

/// <summary>
/// A running job's side of the registry: keeps its record's heartbeat, metrics and checkpoint current, turns a
/// stop request into <see cref="StopRequested"/>, and writes the final state. Disposing a job that has not
/// ended marks it failed (an exception escaped), so no record stays "running" after a clean process exit.
/// </summary>
/// <example>
/// <code>
/// using var job = new JobRegistry(layout).Start("backfill", args);
/// job.Metrics = () => [spy.Snapshot()];
/// foreach (var day in days) { if (job.StopRequested.IsCancellationRequested) { job.End(JobState.Stopped); return; } … job.Checkpoint($"{day} done"); }
/// job.End(JobState.Finished);
/// </code>
/// </example>
public sealed class JobHandle : IDisposable
{
    private readonly JobRegistry _registry;
    private readonly TimeProvider _time;
    private readonly JobHandleOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private JobRecord _record;
    private DateTimeOffset _lastWrite;

    internal JobHandle(JobRegistry registry, JobRecord record, TimeProvider time, JobHandleOptions options)
    {
        _registry = registry;
        _record = record;
        _time = time;
        _options = options;
        Directory.CreateDirectory(registry.Folder);
        File.Delete(registry.StopPath(record.Id));
        Write();
        _timer = time.CreateTimer(_ => Tick(), null, options.StopPoll, options.StopPoll);
    }

    /// <summary>The job's id, as <c>spx ingest status</c> and <c>spx ingest stop</c> name it.</summary>
    public string Id => _record.Id;

    /// <summary>Cancelled when <c>spx ingest stop</c> asks: finish the current unit of work, commit, then <see cref="End"/> as stopped.</summary>
    public CancellationToken StopRequested => _stop.Token;

    /// <summary>
    /// True once a stop was requested: checks the request file itself, so a job that asks between two units of work
    /// sees a request made a moment ago, before the next poll would cancel <see cref="StopRequested"/>.
    /// </summary>
    public bool IsStopRequested => _stop.IsCancellationRequested || File.Exists(_registry.StopPath(_record.Id));

    /// <summary>Reads the per-source figures at each heartbeat.</summary>
    public Func<IReadOnlyList<SourceMetricsSnapshot>>? Metrics { get; set; }

    /// <summary>Records how far the job got; written with the next heartbeat.</summary>
    public void Checkpoint(string summary)
    {
        lock (_gate) _record = _record with { Checkpoint = summary };
    }

    /// <summary>Writes the record now (heartbeat, metrics, checkpoint).</summary>
    public void Heartbeat()
    {
        lock (_gate)
        {
            if (_record.State != JobState.Running) return;
            Write();
        }
    }

    /// <summary>Ends the job: <see cref="JobState.Finished"/>, <see cref="JobState.Failed"/> or <see cref="JobState.Stopped"/>.</summary>
    public void End(JobState state, string? message = null)
    {
        if (state is JobState.Running or JobState.Died) throw new ArgumentOutOfRangeException(nameof(state), state, "A job ends finished, failed or stopped.");
        _timer.Dispose();
        lock (_gate)
        {
            if (_record.State != JobState.Running) return;
            _record = _record with { State = state, EndedUtc = _time.GetUtcNow(), Message = message };
            Write();
            File.Delete(_registry.StopPath(_record.Id));
        }
    }

    /// <summary>Stops the heartbeat; a job still running is recorded as failed.</summary>
    public void Dispose()
    {
        End(JobState.Failed, "the process ended without finishing the job");
        _stop.Dispose();
    }

    private void Tick()
    {
        try
        {
            if (!_stop.IsCancellationRequested && File.Exists(_registry.StopPath(_record.Id))) _stop.Cancel();
            if (_time.GetUtcNow() - _lastWrite >= _options.Heartbeat) Heartbeat();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A heartbeat that cannot be written now is written at the next tick; the job itself goes on.
        }
    }

    private void Write()
    {
        var now = _time.GetUtcNow();
        _record = _record with { HeartbeatUtc = now, Metrics = Metrics?.Invoke() ?? _record.Metrics };
        _registry.Write(_record);
        _lastWrite = now;
    }
}
