using Xunit.Abstractions;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// Checkpoint and resume (issue 11, docs/ingest.md): a real <c>spx ingest backfill</c> process killed with SIGKILL
/// at random moments (seeded; the points are printed), then run again to the end, leaves the lake of a run that
/// was never interrupted — row for row both ways with duplicates counted, and <c>spx lake check</c> clean.
/// </summary>
public sealed class IngestBackfillKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_251_106;
    private const int Kills = 10;
    private readonly string _root = Directory.CreateTempSubdirectory("spx-backfill-kill-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Killed_at_ten_random_points_then_resumed_equals_an_uninterrupted_run()
    {
        await using var simulator = BackfillProcess.Simulator();
        var baseUri = await simulator.StartAsync();
        var whole = Path.Combine(_root, "whole");
        var uninterrupted = BackfillProcess.Run(BackfillProcess.Args(baseUri, whole));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        var killed = Path.Combine(_root, "killed");
        var random = new Random(Seed);
        var landed = 0;
        for (var attempt = 0; landed < Kills && attempt < 4 * Kills; attempt++)
        {
            // A random point of the job, not of the clock: 0–2 more units recorded, then 0–400 ms more, so kills
            // land in start-up, downloads, partition writes and checkpoint rewrites alike, spread over the job.
            var target = Units(killed) + random.Next(0, 3);
            var after = TimeSpan.FromMilliseconds(random.Next(0, 400));
            var (process, error) = BackfillProcess.Start(BackfillProcess.Args(baseUri, killed));
            using (process)
            {
                SpinWait.SpinUntil(() => process.HasExited || Units(killed) >= target, TimeSpan.FromMinutes(5));
                var finished = process.WaitForExit(after);
                if (!finished) process.Kill(); // SIGKILL on Unix
                process.WaitForExit();
                landed += finished ? 0 : 1;
                output.WriteLine($"seed {Seed}, attempt {attempt}: {(finished ? "finished" : "killed")} after {target} recorded unit(s) + {after.TotalMilliseconds:0} ms; {Units(killed)} unit(s) in the checkpoint");
                if (finished) Assert.True(process.ExitCode == 0, error());
            }
        }
        Assert.True(landed >= Kills, $"only {landed} of the kills landed on a running backfill");

        var resumed = BackfillProcess.Run(BackfillProcess.Args(baseUri, killed));
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        foreach (var dataset in BackfillProcess.Datasets)
        {
            var (rows, onlyWhole, onlyKilled) = BackfillProcess.Compare(whole, killed, dataset);
            output.WriteLine($"{dataset}: {rows} rows, {onlyWhole} only in the uninterrupted lake, {onlyKilled} only in the killed one");
            Assert.True(rows > 0, dataset + " is empty");
            Assert.True(onlyWhole == 0 && onlyKilled == 0, $"{dataset}: {onlyWhole} row(s) only in the uninterrupted lake, {onlyKilled} only in the resumed one");
        }
        var check = CliRun.Of("lake", "check", "--lake", killed);
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }

    private static int Units(string lake)
    {
        var file = Path.Combine(lake, "_state", "ingest", "backfill-SPY.json");
        return File.Exists(file) ? File.ReadAllText(file).Split("\"completed_utc\"").Length - 1 : 0;
    }
}
