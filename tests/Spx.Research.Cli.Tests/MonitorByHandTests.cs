using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Simulator;
using Spx.Research.Testing;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// The scheduler and a person (or a crontab) at the keyboard make the same lake: <see cref="MonitorScheduler"/> with
/// the lake-backed steps runs 2025-03-03 in fake time against the simulator, then <c>spx monitor poll</c> at each of
/// its poll instants and <c>spx monitor eod</c> fill a second lake, and every file of the two is the same, byte for byte.
/// </summary>
public sealed class MonitorByHandTests : IDisposable
{
    private const string Key = "byhand-Key-5e2b7d";
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-byhand-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Poll_and_eod_by_hand_produce_the_schedulers_lake()
    {
        var scheduled = Path.Combine(_root, "scheduled");
        var byHand = Path.Combine(_root, "by-hand");
        // Polls every 2 hours keep the day short: 09:45, 11:45, 13:45, 15:45 ET, end of day at 16:30 ET.
        var settings = new SpxSettings
        {
            Lake = new LakeSettings { Path = scheduled },
            Monitor = new MonitorSettings { PollInterval = TimeSpan.FromHours(2) },
            Logging = new LoggingSettings { Folder = Path.Combine(_root, "logs") },
        };

        // The scheduler: fake time that jumps to each step; the simulator's clock follows the same fake wall at 1x.
        var time = new JumpingTime(NewYorkTime.ToUtc(Day, new TimeOnly(9, 0)));
        await using (var simulator = new PolygonSimulator(new SimulatorOptions { ApiKey = Key, Speed = new ReplaySpeed(1), ClockStart = time.GetUtcNow(), Wall = time }))
        {
            var baseUri = await simulator.StartAsync();
            using var client = new PolygonRestClient(new PolygonClientOptions(new ApiKey(Key)) { BaseUri = baseUri, RatePlan = RatePlan.Unlimited });
            var scheduler = new MonitorScheduler(new LakeMonitorSteps(client, settings), settings.Monitor, new MonitorLog(null, settings.Logging.Folder), time);
            await scheduler.RunAsync(once: true);
        }

        var slots = PollInstants(scheduled);
        Assert.Equal(["09:45", "11:45", "13:45", "15:45"], slots.Select(s => NewYorkTime.ToLocal(s).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));

        // By hand: at each instant, a simulator standing at that instant and `spx monitor poll --server-clock`; then eod.
        foreach (var slot in slots)
        {
            await using var simulator = new PolygonSimulator(new SimulatorOptions { ApiKey = Key, Speed = ReplaySpeed.Max, ClockStart = slot });
            var baseUri = await simulator.StartAsync();
            var poll = await Task.Run(() => CliRun.Process(_root, new Dictionary<string, string> { ["MASSIVE_API_KEY"] = Key },
                "monitor", "poll", "--base-url", baseUri.ToString(), "--server-clock", "--lake", byHand, "--format", "csv"));
            Assert.True(poll.ExitCode == 0, poll.Error);
        }
        var eod = CliRun.Of("monitor", "eod", "--date", "2025-03-03", "--lake", byHand);
        Assert.True(eod.ExitCode == 0, eod.Error);

        var expected = LakeFiles.Snapshot(scheduled);
        var actual = LakeFiles.Snapshot(byHand);
        Assert.Equal(["alerts", "monitor_daily", "monitor_polls"], expected.Keys.Select(k => k.Split(Path.DirectorySeparatorChar)[0]).Distinct().Order());
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, file => Assert.True(file.Value.SequenceEqual(actual[file.Key]), file.Key + " differs"));
    }

    private static DateTimeOffset[] PollInstants(string lake)
    {
        using var session = LakeSession.Open(lake);
        return session.Query("SELECT DISTINCT epoch_us(poll_ts) AS us FROM monitor_polls ORDER BY us", r =>
        {
            var instants = new List<DateTimeOffset>();
            while (r.Read()) instants.Add(DateTimeOffset.UnixEpoch.AddTicks(r.GetInt64(0) * 10));
            return instants.ToArray();
        });
    }
}
