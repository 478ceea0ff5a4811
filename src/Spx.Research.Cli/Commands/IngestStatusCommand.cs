using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Output;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx ingest status</c>: the lake's ingest jobs, newest first — state (a running record whose process is gone
/// shows <c>died</c>), heartbeat, the per-source figures of the last heartbeat, checkpoint and warnings.
/// </summary>
public static class IngestStatusCommand
{
    private static readonly string[] Columns =
        ["job", "kind", "state", "pid", "started_utc", "heartbeat_utc", "rows_per_s", "commit_p50_s", "commit_p95_s", "commit_p99_s", "error_rate", "checkpoint", "warnings", "message"];

    public static Command Create()
    {
        var lake = CommonOptions.Lake();
        var format = CommonOptions.Format();
        var command = new Command("status", "List ingest jobs (running, finished, failed, stopped, died) with heartbeat, metrics and checkpoint") { lake, format };
        command.SetAction(parse =>
        {
            var registry = new JobRegistry(new LakeLayout(CommonOptions.ResolveLake(parse, lake)));
            var error = parse.InvocationConfiguration.Error;
            var jobs = registry.List(problem => error.WriteLine($"spx: warning: {problem}"));
            ResultWriter.Write(new ResultTable(Columns, jobs.Select(Row).ToList()), parse.GetValue(format), parse.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static object?[] Row(JobRecord job)
    {
        var metrics = job.Metrics;
        double? Worst(Func<Ingest.Quality.SourceMetricsSnapshot, double?> pick) => metrics.Select(pick).Max();
        return
        [
            job.Id, job.Kind, job.State.ToString().ToLowerInvariant(), job.Pid,
            Instant(job.StartedUtc), Instant(job.HeartbeatUtc),
            metrics.Count == 0 ? null : Math.Round(metrics.Sum(m => m.RowsPerSecond), 3),
            Worst(m => m.CommitP50Seconds), Worst(m => m.CommitP95Seconds), Worst(m => m.CommitP99Seconds),
            metrics.Count == 0 ? null : metrics.Max(m => m.ErrorRate),
            job.Checkpoint,
            string.Join("; ", metrics.SelectMany(m => m.Warnings)),
            job.Message,
        ];
    }

    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
