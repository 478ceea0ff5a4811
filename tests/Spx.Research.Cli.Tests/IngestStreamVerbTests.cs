using System.Diagnostics;
using DuckDB.NET.Data;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Simulator;

namespace Spx.Research.Cli.Tests;

/// <summary>
/// <c>spx ingest stream</c> as a real process against the simulator on loopback: SIGTERM mid-session flushes
/// everything received (exit 0), and starting outside the session or with a bad flag fails with one line.
/// </summary>
public sealed class IngestStreamVerbTests : IDisposable
{
    private const string Key = "stream-Key-91b0";
    private readonly string _root = Directory.CreateTempSubdirectory("spx-ingest-stream-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string SampleLake => Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    private static PolygonSimulator Simulator(DateTimeOffset start, ReplaySpeed speed) => new(new SimulatorOptions
    {
        LakeRoot = SampleLake, ApiKey = Key, Speed = speed, ClockStart = start, ReplayFor = TimeSpan.FromMinutes(30),
    });

    [Fact]
    public async Task SIGTERM_mid_session_stores_every_event_received_and_exits_0()
    {
        // 60x: the replay is paced, so the signal lands mid-stream with events still buffered (flushes every 5 s).
        await using var simulator = Simulator(NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(9, 30)), new ReplaySpeed(60));
        var baseUrl = (await simulator.StartAsync()).ToString().TrimEnd('/');
        var lake = Path.Combine(_root, "lake");
        var config = Path.Combine(_root, "spx.yaml");
        File.WriteAllText(config, "ingest:\n  stream:\n    flush_seconds: 5\n");

        using var spx = Start("ingest", "stream", "--base-url", baseUrl, "--lake", lake, "--server-clock", "--format", "csv", "--config", config);
        var firstFlush = new LakeLayout(lake).PartitionDirectory("stock_bars_1s", new DateOnly(2025, 3, 3));
        if (!SpinWait.SpinUntil(() => spx.HasExited || Directory.Exists(firstFlush), TimeSpan.FromMinutes(2)) || spx.HasExited)
            Assert.Fail("no flush before exit: " + spx.StandardError.ReadToEnd());
        using (var kill = Process.Start("kill", ["-TERM", spx.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        var output = spx.StandardOutput.ReadToEndAsync();
        var error = spx.StandardError.ReadToEndAsync();
        Assert.True(spx.WaitForExit(TimeSpan.FromMinutes(1)), "spx did not stop after SIGTERM");

        Assert.True(spx.ExitCode == 0, await error);
        var received = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => long.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(received["stock_bars_1s"] > 0);
        foreach (var dataset in new[] { "stock_bars_1s", "stock_bars_1m", "index_bars_1m" })
        {
            var (rows, first, gapFree) = Stored(lake, dataset);
            Assert.True(received[dataset] == rows, $"{dataset}: received {received[dataset]}, stored {rows}");
            // The replay starts where the server's clock is when the stream subscribes (a few simulated minutes after 09:30).
            Assert.True(rows == 0 || first >= NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(9, 30)), $"{dataset}: starts at {first}");
            Assert.True(gapFree, $"{dataset}: the stored rows are not the source's, without a gap, from the first to the last");
        }
        Assert.True(File.Exists(Path.Combine(lake, "_state", "stream", "checkpoint.json")));
        Assert.Contains("\"stopped\": true", File.ReadAllText(Path.Combine(lake, "_state", "stream", "checkpoint.json")));
    }

    [Fact]
    public async Task Outside_the_session_it_refuses_to_start_with_one_line_and_exit_1()
    {
        await using var simulator = Simulator(NewYorkTime.ToUtc(new DateOnly(2025, 3, 8), new TimeOnly(11, 0)), ReplaySpeed.Max);
        var baseUrl = (await simulator.StartAsync()).ToString().TrimEnd('/');

        var run = CliRun.Process(_root, new Dictionary<string, string> { ["MASSIVE_API_KEY"] = Key },
            "ingest", "stream", "--base-url", baseUrl, "--lake", Path.Combine(_root, "lake"), "--server-clock");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("spx: error: not streaming at 11:00 New York time: 2025-03-08 is not a NYSE session; the next opens 2025-03-10 09:30 (--outside-hours records anyway)", run.ErrorLines[^1]);
        Assert.DoesNotContain(Key, run.Error + run.Output);
        Assert.Equal(0, simulator.SocketConnections);
    }

    [Theory]
    [InlineData("--until", "25:00", "--until '25:00' is not a time of day")]
    [InlineData("--tickers", "spy", "--tickers 'spy' is not a ticker")]
    public void A_bad_flag_is_a_usage_error(string flag, string value, string expected)
    {
        var run = CliRun.Of("ingest", "stream", flag, value);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"spx: {expected}", run.ErrorLines.Single());
    }

    /// <summary>Rows stored, the first ts, and whether they are exactly the source's rows from the first to the last ts.</summary>
    private static (long Rows, DateTimeOffset? First, bool GapFree) Stored(string lake, string dataset)
    {
        var layout = new LakeLayout(lake);
        var files = layout.Partitions(dataset).SelectMany(d => Directory.GetFiles(layout.PartitionDirectory(dataset, d), "*.parquet")).ToList();
        if (files.Count == 0) return (0, null, true);
        var source = new LakeLayout(SampleLake);
        var sourceFiles = source.Partitions(dataset).SelectMany(d => Directory.GetFiles(source.PartitionDirectory(dataset, d), "*.parquet")).ToList();
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        db.ExecuteNonQuery("SET TimeZone = 'UTC'");
        db.ExecuteNonQuery($"CREATE VIEW got AS SELECT ticker, ts, open, high, low, close FROM read_parquet({SqlText.FileList(files)})");
        db.ExecuteNonQuery($"CREATE VIEW want AS SELECT ticker, ts, open, high, low, close FROM read_parquet({SqlText.FileList(sourceFiles)}) " +
                           "WHERE ts BETWEEN (SELECT min(ts) FROM got) AND (SELECT max(ts) FROM got)");
        var rows = db.ExecuteScalar<long>("SELECT count(*) FROM got");
        var first = db.ExecuteScalar<DateTime>("SELECT min(ts) FROM got");
        var differences = db.ExecuteScalar<long>("SELECT count(*) FROM ((SELECT * FROM got EXCEPT ALL SELECT * FROM want) UNION ALL (SELECT * FROM want EXCEPT ALL SELECT * FROM got))");
        return (rows, new DateTimeOffset(DateTime.SpecifyKind(first, DateTimeKind.Utc)), differences == 0);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "SPX_CONFIG", "SPX_LAKE", "POLYGON_API_KEY" }) start.Environment.Remove(name);
        start.Environment["MASSIVE_API_KEY"] = Key;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spx.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start spx");
    }
}
