using System.Diagnostics;
using Spx.Research.Market;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests.Ingest;

/// <summary>
/// <c>spx ingest stream</c> wired to the data-quality pieces and to contract discovery (issue 11), as a real process
/// against the simulator on loopback: with no <c>--contracts</c> and no stored selection it discovers the day's
/// contracts as the backfill would and saves them; a bad bar from the stream is quarantined and counted; a field added
/// to the polled news is reported once; and <c>spx ingest stop</c> ends it with a flush, a checkpoint and exit 0.
/// </summary>
public sealed class StreamWiringTests : IDisposable
{
    private static readonly DateTimeOffset Open = NewYorkTime.ToUtc(BadBarLake.Day, new TimeOnly(9, 30));
    private readonly string _root = Directory.CreateTempSubdirectory("spx-stream-wiring-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Without_contracts_it_discovers_them_as_the_backfill_does_quarantines_a_bad_bar_and_reports_news_drift()
    {
        var served = BadBarLake.Create(_root);
        var reference = Path.Combine(_root, "backfilled");
        var lake = Path.Combine(_root, "streamed");
        await using (var simulator = new PolygonSimulator(new SimulatorOptions { LakeRoot = served, Speed = ReplaySpeed.Max }))
        {
            var baseUri = await simulator.StartAsync();
            Assert.Equal(0, Backfill(baseUri, reference, "options").ExitCode);
            Assert.Equal(0, Backfill(baseUri, lake, "news").ExitCode); // the news baseline the stream's polls are compared with
        }

        await using var replay = new PolygonSimulator(new SimulatorOptions
        {
            // No ReplayFor: the replay must run past --until plus the drain for the stream to stop by event time.
            LakeRoot = served, Speed = ReplaySpeed.Max, ClockStart = Open,
            Faults = new FaultPlan(5, [new FaultRule("news", FaultNames.DriftAdded)]),
        });
        var url = (await replay.StartAsync()).ToString().TrimEnd('/');
        var run = CliRun.Process(_root, new Dictionary<string, string> { ["MASSIVE_API_KEY"] = SimulatorOptions.DefaultApiKey },
            "ingest", "stream", "--base-url", url, "--lake", lake, "--server-clock", "--until", "10:00", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("spx: option contracts: ", StringComparison.Ordinal) && l.EndsWith(" from discovery", StringComparison.Ordinal));
        var (rows, onlyBackfill, onlyStream) = BackfillProcess.Compare(reference, lake, "option_selection");
        Assert.True(rows > 0 && onlyBackfill == 0 && onlyStream == 0, $"option_selection: {rows} rows, {onlyBackfill} only in the backfill's, {onlyStream} only in the stream's");
        var summary = run.OutputLines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f);
        Assert.True(long.Parse(summary["option_bars_1m"][4], System.Globalization.CultureInfo.InvariantCulture) > 0, "no option bars streamed");
        Assert.Equal("1", summary["stock_bars_1m"][5]);
        var (stored, reasons) = BadBarLake.Outcome(lake);
        Assert.Equal(0, stored);
        Assert.Contains("is below low", Assert.Single(reasons), StringComparison.Ordinal);
        var drift = Assert.Single(run.ErrorLines, l => l.Contains("schema drift", StringComparison.Ordinal));
        Assert.StartsWith("spx: warning: schema drift on news (", drift, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_ends_a_running_stream_with_a_flush_a_checkpoint_and_exit_0()
    {
        // 60x: a paced replay of 09:30-10:00 lasts half a minute of wall time, long enough to be seen and stopped.
        await using var replay = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = Synthetic.SampleLake.Find(AppContext.BaseDirectory)!, Speed = new ReplaySpeed(60), ClockStart = Open, ReplayFor = TimeSpan.FromMinutes(30),
        });
        var url = (await replay.StartAsync()).ToString().TrimEnd('/');
        var lake = Path.Combine(_root, "lake");
        var (process, error) = BackfillProcess.Start(["ingest", "stream", "--base-url", url, "--lake", lake, "--server-clock", "--format", "csv",
            "--contracts", "O:SPY250303C00647000"], _root);
        using (process)
        {
            var job = BackfillWiringTests.WaitFor(lake, j => j.GetProperty("state").GetString() == "running" && j.GetProperty("kind").GetString() == "stream", process, error);
            var stop = CliRun.Of("ingest", "stop", job.GetProperty("job").GetString()!, "--lake", lake, "--wait", "120s");
            Assert.True(stop.ExitCode == 0, stop.Error);
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the stream did not exit after the stop");
            Assert.True(process.ExitCode == 0, error());
        }
        Assert.Equal("stopped", BackfillWiringTests.Single(BackfillWiringTests.Status(lake)).GetProperty("state").GetString());
        Assert.Contains("\"stopped\": true", File.ReadAllText(Path.Combine(lake, "_state", "stream", "checkpoint.json")), StringComparison.Ordinal);
    }

    private static CliRun Backfill(Uri baseUri, string lake, string sources) =>
        CliRun.Process(Path.GetDirectoryName(lake)!, new Dictionary<string, string> { ["MASSIVE_API_KEY"] = SimulatorOptions.DefaultApiKey },
            "ingest", "backfill", "--from", "2025-03-03", "--to", "2025-03-03", "--sources", sources, "--plan", "unlimited",
            "--base-url", baseUri.ToString(), "--lake", lake, "--format", "csv");
}
