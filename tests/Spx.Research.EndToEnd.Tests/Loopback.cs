using Spx.Research.Market;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Synthetic;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.EndToEnd.Tests;

/// <summary>Our real clients against the simulator on 127.0.0.1: the same code path as the live API, only the base URL differs.</summary>
internal static class Loopback
{
    public const string Key = "e2e-Key-9f3b7c1d";

    /// <summary>2025-03-03 10:30 New York in the sample lake: chain polls exist, the clock stands still (speed max).</summary>
    public static DateTimeOffset Now { get; } = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(10, 30));

    public static string SampleLake { get; } =
        Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    public static async Task<(PolygonSimulator Simulator, Uri BaseUri)> Start(FaultPlan? faults = null, string? lake = null, DateTimeOffset? clock = null, TimeSpan? replayFor = null)
    {
        var simulator = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = lake ?? SampleLake,
            ApiKey = Key,
            Speed = ReplaySpeed.Max,
            ClockStart = clock ?? Now,
            ReplayFor = replayFor,
            Faults = faults ?? FaultPlan.None,
        });
        return (simulator, await simulator.StartAsync());
    }

    /// <summary>A REST client with fast retries (the simulator's Retry-After is small) and no plan limit.</summary>
    public static PolygonRestClient Client(Uri baseUri, string key = Key, TimeSpan? timeout = null) => new(new PolygonClientOptions(new ApiKey(key))
    {
        BaseUri = baseUri,
        RatePlan = RatePlan.Unlimited,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
        Retry = new RetrySettings(4, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2)),
    });
}
