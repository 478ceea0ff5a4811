using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// A backfill against the simulator's fault plan (issue 11): transient faults (429, 5xx, a cut body, a held
/// request) are retried and the lake ends as a clean run's; a fault that outlasts the retries fails its unit
/// with one line naming it, exit 1, everything else stored — and the same command later completes the job.
/// </summary>
public sealed class IngestBackfillFaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spx-backfill-faults-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Transient_faults_are_retried_and_the_lake_equals_a_clean_run()
    {
        var clean = Path.Combine(_root, "clean");
        await using (var simulator = BackfillProcess.Simulator())
            Assert.Equal(0, BackfillProcess.Run(BackfillProcess.Args(await simulator.StartAsync(), clean)).ExitCode);

        var faults = new FaultPlan(11,
        [
            new FaultRule("aggs", "rate_limit", 0.3, 4, new Dictionary<string, string> { ["retry_after"] = "1" }),
            new FaultRule("aggs", "server_error", 0.3, 4),
            new FaultRule("contracts", "truncated", 1, 2),
            new FaultRule("news", "timeout", 1, 1),
        ]);
        var config = Path.Combine(_root, "spx.yaml");
        // 10 s, not less: on a loaded 2-core machine a day of SPY seconds took over 2 s to serve on every attempt
        // (seen in CI at load 16-30); the one hung news request costs the full timeout once.
        File.WriteAllText(config, "api:\n  timeout: 10s\n  retries: 6\n");
        var faulty = Path.Combine(_root, "faulty");
        await using (var simulator = BackfillProcess.Simulator(faults))
        {
            var run = BackfillProcess.Run(BackfillProcess.Args(await simulator.StartAsync(), faulty, "--config", config));
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("failed (", run.Error); // the retry lines: "attempt N/7 failed (…); retrying in …"
        }
        foreach (var dataset in BackfillProcess.Datasets)
        {
            var (rows, onlyClean, onlyFaulty) = BackfillProcess.Compare(clean, faulty, dataset);
            Assert.True(rows > 0 && onlyClean == 0 && onlyFaulty == 0, $"{dataset}: {rows} rows, {onlyClean} only in the clean lake, {onlyFaulty} only in the faulty run's");
        }
    }

    [Fact]
    public async Task A_fault_past_the_retries_fails_its_units_one_line_each_keeps_the_rest_and_a_rerun_completes()
    {
        var config = Path.Combine(_root, "spx.yaml");
        File.WriteAllText(config, "api:\n  retries: 1\n");
        var lake = Path.Combine(_root, "lake");
        await using (var simulator = BackfillProcess.Simulator(new FaultPlan(3, [new FaultRule("news", "server_error")])))
        {
            var run = BackfillProcess.Run(BackfillProcess.Args(await simulator.StartAsync(), lake, "--config", config));

            Assert.Equal(1, run.ExitCode);
            var failures = run.Error.Split('\n').Where(l => l.StartsWith("spx: error: ", StringComparison.Ordinal)).ToList();
            Assert.Equal(["news/SPY/2025-03-03", "news/SPY/2025-03-04", "news/SPY/2025-03-05"], failures.Select(l => l["spx: error: ".Length..].Split(':')[0]).Order());
            Assert.All(failures, l => Assert.Contains("503", l));
        }
        Assert.False(Directory.Exists(Path.Combine(lake, "news")));
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(lake, "option_bars_1m"), "date=*").Length);

        await using (var simulator = BackfillProcess.Simulator())
        {
            var rerun = BackfillProcess.Run(BackfillProcess.Args(await simulator.StartAsync(), lake, "--config", config));
            Assert.True(rerun.ExitCode == 0, rerun.Error);
            Assert.Contains("(15 already stored, 0 failed)", rerun.Error);
        }
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(lake, "news"), "date=*").Length);
    }
}
