using System.Text.Json;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests.Ingest;

/// <summary>
/// <c>spx ingest backfill</c> wired to the data-quality pieces (issue 11), as a real process against the simulator on
/// loopback: a bad bar from the server is quarantined with its reason and counted in the summary; a field added to the
/// news results is reported once on stderr while the run goes on; the run is a job that <c>spx ingest status</c> lists
/// with metrics and <c>spx ingest stop</c> stops between units, and the same command then finishes it.
/// </summary>
public sealed class BackfillWiringTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-backfill-wiring-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_bad_bar_from_the_server_is_quarantined_with_its_reason_and_counted()
    {
        var lake = Path.Combine(_root, "lake");
        await using var simulator = new PolygonSimulator(new SimulatorOptions { LakeRoot = BadBarLake.Create(_root), Speed = ReplaySpeed.Max });
        var run = Backfill(await simulator.StartAsync(), lake, "2025-03-03", "2025-03-03", "minutes");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("1", Summary(run)["quarantined"]);
        var (stored, reasons) = BadBarLake.Outcome(lake);
        Assert.Equal(0, stored);
        Assert.Contains("is below low", Assert.Single(reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_added_to_the_news_is_reported_once_on_stderr_and_the_news_is_stored()
    {
        var lake = Path.Combine(_root, "lake");
        await using (var clean = BackfillProcess.Simulator())
            Assert.Equal(0, Backfill(await clean.StartAsync(), lake, "2025-03-03", "2025-03-03", "news").ExitCode); // the baseline

        await using var drifting = BackfillProcess.Simulator(new FaultPlan(5, [new FaultRule("news", FaultNames.DriftAdded)]));
        var run = Backfill(await drifting.StartAsync(), lake, "2025-03-04", "2025-03-05", "news");

        Assert.True(run.ExitCode == 0, run.Error);
        var line = Assert.Single(run.ErrorLines, l => l.Contains("schema drift", StringComparison.Ordinal));
        Assert.Matches("^spx: warning: schema drift on news \\(\\d{4}-\\d{2}-\\d{2}\\): added sim_added_field:string; processing continues", line);
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(lake, "news"), "date=*").Length);
    }

    [Fact]
    public async Task Stop_ends_a_running_backfill_between_units_and_the_same_command_finishes_it()
    {
        var lake = Path.Combine(_root, "lake");
        await using var simulator = BackfillProcess.Simulator();
        var baseUri = await simulator.StartAsync();
        // One request a second: the run lasts a minute or more, long enough to be seen and stopped.
        var (process, error) = BackfillProcess.Start(BackfillProcess.Args(baseUri, lake).Select(a => a == "unlimited" ? "1/1" : a));
        using (process)
        {
            var job = WaitFor(lake, j => j.GetProperty("state").GetString() == "running" && j.GetProperty("rows_per_s") is { ValueKind: JsonValueKind.Number } r && r.GetDouble() > 0, process, error);
            Assert.Contains("units", job.GetProperty("checkpoint").GetString(), StringComparison.Ordinal);
            var id = job.GetProperty("job").GetString()!;

            var stop = CliRun.Of("ingest", "stop", id, "--lake", lake, "--wait", "120s");
            Assert.True(stop.ExitCode == 0, stop.Error);
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the backfill did not exit after the stop");
            Assert.True(process.ExitCode == 0, error());
            Assert.Contains("run the same command again to finish", error(), StringComparison.Ordinal);
        }
        var stopped = Single(Status(lake));
        Assert.Equal("stopped", stopped.GetProperty("state").GetString());

        var rerun = BackfillProcess.Run(BackfillProcess.Args(baseUri, lake));
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Matches("\\(([1-9]\\d*) already stored, 0 failed\\)", rerun.Error);
        Assert.Equal(["finished", "stopped"], Status(lake).EnumerateArray().Select(j => j.GetProperty("state").GetString()));
        var clean = Path.Combine(_root, "clean");
        Assert.Equal(0, BackfillProcess.Run(BackfillProcess.Args(baseUri, clean)).ExitCode);
        foreach (var dataset in BackfillProcess.Datasets)
        {
            var (rows, onlyClean, onlyResumed) = BackfillProcess.Compare(clean, lake, dataset);
            Assert.True(rows > 0 && onlyClean == 0 && onlyResumed == 0, $"{dataset}: {rows} rows, {onlyClean} only in the clean lake, {onlyResumed} only in the stopped-and-resumed one");
        }
    }

    private static CliRun Backfill(Uri baseUri, string lake, string from, string to, string sources) =>
        CliRun.Process(Path.GetDirectoryName(lake)!, new Dictionary<string, string> { ["MASSIVE_API_KEY"] = BackfillProcess.Key },
            "ingest", "backfill", "--from", from, "--to", to, "--sources", sources, "--plan", "unlimited",
            "--base-url", baseUri.ToString(), "--lake", lake, "--format", "csv");

    private static Dictionary<string, string> Summary(CliRun run)
    {
        var lines = run.OutputLines;
        return lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(p => p.First, p => p.Second);
    }

    internal static JsonElement WaitFor(string lake, Func<JsonElement, bool> ready, System.Diagnostics.Process process, Func<string> error)
    {
        JsonElement? seen = null;
        SpinWait.SpinUntil(() =>
        {
            if (process.HasExited) return true;
            var jobs = Status(lake);
            seen = jobs.GetArrayLength() == 1 && ready(jobs[0]) ? jobs[0] : null;
            return seen is not null;
        }, TimeSpan.FromMinutes(2));
        if (seen is null) Assert.Fail("the job never showed as running with metrics: " + (process.HasExited ? error() : "timed out"));
        return seen!.Value;
    }

    internal static JsonElement Status(string lake)
    {
        var run = CliRun.Of("ingest", "status", "--lake", lake, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.Clone();
    }

    internal static JsonElement Single(JsonElement jobs)
    {
        Assert.Equal(1, jobs.GetArrayLength());
        return jobs[0];
    }
}
