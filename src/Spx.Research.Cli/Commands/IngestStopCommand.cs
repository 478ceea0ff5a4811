using System.CommandLine;
using Spx.Research.Ingest.Jobs;
using Spx.Research.Lake;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx ingest stop JOB</c>: asks a running job to stop (a stop-request file it polls; see <see cref="JobRegistry"/>
/// for why not a signal) and waits until it has committed and ended. Exit 1 for an unknown job or one that does not
/// stop within <c>--wait</c>.
/// </summary>
public static class IngestStopCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("JOB") { Description = "Job id, as spx ingest status lists it" };
        var wait = new Option<TimeSpan>("--wait")
        {
            Description = "How long to wait for the job to end (e.g. 30s, 5m; default 60s)",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(60),
            CustomParser = r =>
            {
                try
                {
                    return Configuration.Durations.ParseAllowingZero(r.Tokens[0].Value);
                }
                catch (FormatException bad)
                {
                    r.AddError($"--wait {r.Tokens[0].Value}: {bad.Message}");
                    return default;
                }
            },
        };
        var lake = CommonOptions.Lake();
        var command = new Command("stop", "Stop a running ingest job gracefully: it commits what it has and ends as stopped") { id, wait, lake };
        command.SetAction(async (parse, ct) =>
        {
            var registry = new JobRegistry(new LakeLayout(CommonOptions.ResolveLake(parse, lake)));
            var name = parse.GetValue(id)!;
            var output = parse.InvocationConfiguration.Output;
            var job = registry.Find(name) ?? throw new InvalidOperationException($"no job '{name}' in {registry.Folder} (spx ingest status lists them)");
            if (job.State != JobState.Running)
            {
                output.WriteLine($"{job.Id} is not running: {job.State.ToString().ToLowerInvariant()}");
                return ExitCodes.Ok;
            }
            registry.RequestStop(job.Id);
            var deadline = DateTimeOffset.UtcNow + parse.GetValue(wait);
            while (registry.Find(job.Id) is { State: JobState.Running } && DateTimeOffset.UtcNow < deadline)
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            var end = registry.Find(job.Id)!;
            if (end.State == JobState.Running)
                throw new TimeoutException($"{job.Id} has not stopped after {parse.GetValue(wait).TotalSeconds:0} s; the stop request stays in place");
            output.WriteLine($"{job.Id}: {end.State.ToString().ToLowerInvariant()}{(end.Message is { } m ? " (" + m + ")" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
