using Spx.Research.Configuration;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Ingest.Quality;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// What the backfill and the stream share as jobs (docs/data-quality.md, "Jobs"): the metric thresholds of the
/// configuration, and a loop that keeps the job record's checkpoint line and metrics current while the work runs,
/// so <c>spx ingest status</c> in another process sees progress without waiting for the 30 s heartbeat.
/// </summary>
public static class IngestJobBeat
{
    /// <summary>How often the record is rewritten while the job runs.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>The per-source warning limits of <c>ingest.quality</c>.</summary>
    public static MetricThresholds Thresholds(IngestSettings settings) => new()
    {
        Window = settings.Quality.MetricsWindow,
        CommitLatency = settings.Quality.CommitLatencyWarning,
        ErrorRate = settings.Quality.ErrorRateWarning,
    };

    /// <summary>The command line the job record keeps (secrets are redacted by the registry).</summary>
    public static IReadOnlyList<string> Arguments() => [.. Environment.GetCommandLineArgs().Skip(1)];

    /// <summary>Rewrites the record with <paramref name="checkpoint"/> every <see cref="Interval"/> until <paramref name="stop"/>.</summary>
    public static async Task Run(JobHandle job, Func<string> checkpoint, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                job.Checkpoint(checkpoint());
                job.Heartbeat();
                await Task.Delay(Interval, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The work ended; the caller writes the final record.
        }
        catch (IOException)
        {
            // A record that cannot be written now is written by the job's own heartbeat or at the end.
        }
    }
}
