using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Streaming;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;
using Spx.Research.Simulator;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Issue 11's streaming figure: a whole simulated session (2025-03-03 of the sample lake: SPY seconds and minutes,
/// I:SPX and I:VIX minutes, the 152 SPY contracts that trade that day) replayed at full speed by the simulator on
/// loopback and recorded by <see cref="StreamRecorder"/> into a fresh lake, compaction at the stop included.
/// Baseline in the same run: the same connections read by the same <see cref="ConnectionReader"/>s with the rows
/// thrown away, so the ratio is what buffering and writing the lake add to receiving. docs/benchmarks.md.
/// </summary>
[BenchmarkCategory("stream-ingest")]
[WarmupCount(1)]
[IterationCount(5)]
public class StreamIngestBenchmarks
{
    private static readonly DateTimeOffset Open = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(9, 30));
    private const string Key = "bench-key";
    private string _sample = "";
    private List<string> _contracts = [];
    private PolygonSimulator? _simulator;
    private Uri _base = null!;
    private string _lake = "";

    [GlobalSetup]
    public void Setup()
    {
        _sample = SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");
        using var session = LakeSession.Open(_sample);
        _contracts = session.Query("SELECT DISTINCT ticker FROM option_bars_1m WHERE date = DATE '2025-03-03' AND underlying = 'SPY' ORDER BY 1", r =>
        {
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            return list;
        });
    }

    [IterationSetup]
    public void StartSimulator()
    {
        _simulator = new PolygonSimulator(new SimulatorOptions { LakeRoot = _sample, ApiKey = Key, Speed = ReplaySpeed.Max, ClockStart = Open });
        _base = _simulator.StartAsync().GetAwaiter().GetResult();
        _lake = Directory.CreateTempSubdirectory("spx-bench-stream-").FullName;
    }

    [IterationCleanup]
    public void StopSimulator()
    {
        _simulator!.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_lake, recursive: true);
    }

    /// <summary>Events received, the same for both (checked: 80,898 for the session).</summary>
    [Benchmark(Baseline = true)]
    public long ReceiveOnly()
    {
        var settings = new IngestStreamSettings();
        var window = RecordingWindow.At(Open, NyseCalendar.Default, null, false, settings.LateGrace);
        var plan = ConnectionPlan.Split(ConnectionPlan.Topics(settings, ["SPY"], _contracts), 1000, 1);
        var buffer = new StreamBuffer(settings.FlushEvents);
        var activity = StreamSource.All.ToDictionary(s => s, s => new SourceActivity(s));
        var options = new PolygonStreamOptions { ApiKey = new ApiKey(Key), BaseUri = StreamEndpoint.For(_base) };
        var events = new EventClock();
        long received = 0;
        var drain = Task.Run(async () => { await foreach (var _ in buffer.Reader.ReadAllAsync()) received++; });
        var readers = plan.Select(p => new ConnectionReader(p, options, buffer, activity, window, settings.CloseDrain,
            new FakeTimeProvider(Open), events, TimeProvider.System, _ => { }).RunAsync(CancellationToken.None)).ToArray();
        Task.WaitAll(readers);
        buffer.Complete();
        drain.GetAwaiter().GetResult();
        return Checked(received);
    }

    [Benchmark]
    public long RecordIntoLake()
    {
        var summary = new StreamRecorder(new StreamRecorderOptions
        {
            LakeRoot = _lake,
            ApiKey = new ApiKey(Key),
            StreamBase = StreamEndpoint.For(_base),
            Contracts = _contracts,
            Clock = new FakeTimeProvider(Open),
        }).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        return Checked(summary.Messages);
    }

    private static long Checked(long events) =>
        events == 80_898 ? events : throw new InvalidOperationException($"expected the session's 80,898 events, got {events}");
}
