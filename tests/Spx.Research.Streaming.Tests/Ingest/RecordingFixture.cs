using Microsoft.Extensions.Time.Testing;
using Spx.Research.Configuration;
using Spx.Research.Ingest.Streaming;
using Spx.Research.Market;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Polygon.WebSocket;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;
using Spx.Research.Synthetic;

namespace Spx.Research.Streaming.Tests.Ingest;

/// <summary>
/// A recording made the way <c>spx ingest stream</c> makes it — the real recorder, the real WebSocket client on
/// loopback, the real simulator replaying the sample lake at full speed — into a fresh temporary lake.
/// </summary>
internal sealed class RecordingFixture : IAsyncDisposable
{
    public const string Key = "ingest-Key-7f3c";

    public static string SampleLake { get; } = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    public static DateTimeOffset At(int day, int hour, int minute) => NewYorkTime.ToUtc(new DateOnly(2025, 3, day), new TimeOnly(hour, minute));

    private RecordingFixture(PolygonSimulator simulator, Uri baseUri)
    {
        Simulator = simulator;
        BaseUri = baseUri;
    }

    public PolygonSimulator Simulator { get; }

    public Uri BaseUri { get; }

    public string Lake { get; } = Directory.CreateTempSubdirectory("spx-ingest-stream-").FullName;

    public List<string> Log { get; } = [];

    /// <summary>A simulator whose replay starts at <paramref name="replayFrom"/> and runs <paramref name="span"/> of simulated time.</summary>
    public static async Task<RecordingFixture> StartAsync(DateTimeOffset replayFrom, TimeSpan span, FaultPlan? faults = null)
    {
        var simulator = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = SampleLake, ApiKey = Key, Speed = ReplaySpeed.Max, ClockStart = replayFrom, ReplayFor = span, Faults = faults ?? FaultPlan.None,
        });
        return new RecordingFixture(simulator, await simulator.StartAsync());
    }

    /// <summary>Options for a recorder whose market clock stands at <paramref name="now"/> (as a replay at full speed).</summary>
    public StreamRecorderOptions Options(DateTimeOffset now, TimeOnly until, IReadOnlyList<string>? contracts = null, IngestStreamSettings? settings = null) => new()
    {
        Settings = settings ?? new IngestStreamSettings { FlushSeconds = 1, FlushEvents = 500 },
        LakeRoot = Lake,
        ApiKey = new ApiKey(Key),
        StreamBase = StreamEndpoint.For(BaseUri),
        Contracts = contracts ?? [],
        Until = until,
        Clock = new FakeTimeProvider(now),
        Reconnect = new StreamReconnectPolicy(5, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200)),
        Log = line => { lock (Log) Log.Add(line); },
    };

    /// <summary>A REST client on the simulator (no rate limit), for news.</summary>
    public PolygonRestClient Rest() => new(new PolygonClientOptions(new ApiKey(Key)) { BaseUri = BaseUri, RatePlan = RatePlan.Unlimited });

    /// <summary>Records with <paramref name="options"/>; a guard ends a run that hangs, as a failure.</summary>
    public static async Task<StreamSummary> RecordAsync(StreamRecorderOptions options)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = new StreamRecorder(options).RunAsync(guard.Token);
        var summary = await run;
        Assert.False(guard.IsCancellationRequested, "the recording did not end by itself within the guard");
        return summary;
    }

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        Directory.Delete(Lake, recursive: true);
    }
}
