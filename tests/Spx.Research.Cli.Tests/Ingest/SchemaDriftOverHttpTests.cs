using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Simulator;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Cli.Tests.Ingest;

/// <summary>
/// Schema drift over real HTTP: the REST client's result observer feeds a <see cref="SchemaDriftMonitor"/> while the
/// simulator (on loopback, sample lake) adds, removes or retypes fields on request (<c>X-Sim-Fault</c>, set per request
/// by a handler in front of the real socket handler). Each drift is one line, once per endpoint and day; the baseline stays.
/// </summary>
public sealed class SchemaDriftOverHttpTests : IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private readonly string _root = Directory.CreateTempSubdirectory("spx-cli-drift-").FullName;
    private readonly List<string> _lines = [];

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Added_removed_and_retyped_fields_are_each_reported_once_and_processing_continues()
    {
        await using var simulator = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found"),
            ClockStart = NewYorkTime.ToUtc(Day, new TimeOnly(16, 30)),
        });
        var baseUri = await simulator.StartAsync();
        using var fault = new FaultHeader();
        var drift = new SchemaDriftMonitor(new LakeLayout(Path.Combine(_root, "lake")), new FixedClock(NewYorkTime.ToUtc(Day, new TimeOnly(17, 0))), _lines.Add);
        using var client = new PolygonRestClient(new PolygonClientOptions(new ApiKey(SimulatorOptions.DefaultApiKey))
        {
            BaseUri = baseUri,
            RatePlan = RatePlan.Unlimited,
            HttpMessageHandler = fault,
            ResultObserver = drift.Observe,
        });

        var baseline = await Bars(client);
        Assert.True(baseline > 100, $"only {baseline} bars");
        Assert.Empty(_lines);
        Assert.True(File.Exists(drift.StatePath("aggs")));

        fault.Value = FaultNames.DriftAdded;
        Assert.Equal(baseline, await Bars(client)); // an added field does not stop decoding
        Assert.Equal(baseline, await Bars(client));
        Assert.Equal("schema drift on aggs (2025-03-03): added sim_added_field:string; processing continues against the baseline", Assert.Single(_lines));

        fault.Value = FaultNames.DriftRemoved;
        await Bars(client);
        Assert.Equal(2, _lines.Count);
        Assert.Matches("^schema drift on aggs \\(2025-03-03\\): removed [a-z]+; processing continues", _lines[1]);

        fault.Value = FaultNames.DriftRetyped;
        await Record.ExceptionAsync(() => Bars(client)); // the decoder may refuse a number sent as text: the drift is reported first
        Assert.Equal(3, _lines.Count);
        Assert.Matches("^schema drift on aggs \\(2025-03-03\\): retyped [a-z]+:number→string;", _lines[2]);

        fault.Value = null;
        Assert.Equal(baseline, await Bars(client));
        Assert.Equal(3, _lines.Count);
    }

    private static async Task<int> Bars(PolygonRestClient client)
    {
        var count = 0;
        await foreach (var _ in client.Aggregates("SPY", 1, AggregateTimespan.Minute, Day, Day)) count++;
        return count;
    }

    /// <summary>Adds <c>X-Sim-Fault</c> to each request when set; the request still goes over a real socket.</summary>
    private sealed class FaultHeader() : DelegatingHandler(new SocketsHttpHandler())
    {
        public string? Value { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Value is { } fault) request.Headers.Add("X-Sim-Fault", fault);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
