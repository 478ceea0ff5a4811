using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spx.Research.Market;
using Spx.Research.Synthetic;
using Spx.Research.Simulator.Faults;
using Spx.Research.Simulator.Http;
using Spx.Research.Simulator.Rest;
using Spx.Research.Simulator.Streaming;

namespace Spx.Research.Simulator;

/// <summary>
/// A Kestrel server on loopback that speaks Polygon's REST and WebSocket wire protocol from a lake, so
/// clients, tests and demos run the real client code path with only the base URL changed. Host it
/// in-process: <c>await using var sim = new PolygonSimulator(options); var baseUri = await sim.StartAsync();</c>.
/// </summary>
public sealed class PolygonSimulator : IAsyncDisposable
{
    private readonly SimulatorOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private LakeGate? _lake;
    private RestPipeline? _pipeline;
    private long _sockets;

    /// <summary>Prepares a simulator; nothing listens until <see cref="StartAsync"/>.</summary>
    public PolygonSimulator(SimulatorOptions options) => _options = options;

    /// <summary>The bound base URI (<c>http://127.0.0.1:PORT</c>) once started.</summary>
    public Uri? BaseUri { get; private set; }

    /// <summary>The simulated clock once started.</summary>
    public SimulatedClock? Clock { get; private set; }

    /// <summary>REST requests received so far, faulted ones included: lets a test prove a client did not retry.</summary>
    public long RestRequests => _pipeline?.Requests ?? 0;

    /// <summary>WebSocket upgrade requests received so far: lets a test prove a stream client did not reconnect.</summary>
    public long SocketConnections => Interlocked.Read(ref _sockets);

    /// <summary>Starts listening and returns the base URI.</summary>
    /// <exception cref="DirectoryNotFoundException">No lake given and no sample lake found.</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null) throw new InvalidOperationException("The simulator is already started.");
        var root = _options.LakeRoot ?? SampleLake.Find() ?? SampleLake.Find(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"No lake given and no {SampleLake.RelativePath} above {Directory.GetCurrentDirectory()}.");
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Lake folder {root} does not exist.");
        _lake = new LakeGate(Path.GetFullPath(root));
        var clock = Clock = new SimulatedClock(_options.ClockStart ?? DefaultStart(_lake), _options.Speed, _options.Wall);
        var faults = new FaultInjector(_options.Faults);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _options.Port));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });

        var pipeline = _pipeline = new RestPipeline(_options, faults, _stopping.Token);
        var aggs = new AggregatesEndpoint(_lake);
        var contracts = new ContractsEndpoint(_lake, clock);
        var chain = new ChainSnapshotEndpoint(_lake, clock, _options);
        var unified = new UnifiedSnapshotEndpoint(_lake, clock, chain);
        var status = new MarketStatusEndpoints(clock);
        var news = new NewsEndpoint(_lake);
        // Each route also names the last session its answer reads, for a lake still being generated:
        // history up to its date range, "as of now" answers (snapshots, market status) the clock's session.
        Func<HttpContext, RestQuery, DateOnly> asOfNow = (_, _) => clock.NewYorkDate;
        app.MapGet("/v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}", pipeline.Wrap("aggs", aggs.Handle, AggregatesEndpoint.Reads));
        app.MapGet("/v3/reference/options/contracts", pipeline.Wrap("contracts", contracts.List, contracts.Reads));
        app.MapGet("/v3/reference/options/contracts/{ticker}", pipeline.Wrap("contracts", contracts.One, contracts.Reads));
        app.MapGet("/v3/snapshot/options/{underlying}", pipeline.Wrap("chain_snapshot", chain.Chain, chain.Reads));
        app.MapGet("/v3/snapshot/options/{underlying}/{contract}", pipeline.Wrap("chain_snapshot", chain.Contract, chain.Reads));
        app.MapGet("/v3/snapshot", pipeline.Wrap("snapshot", unified.Handle, asOfNow));
        app.MapGet("/v1/marketstatus/now", pipeline.Wrap("marketstatus", status.Now, asOfNow));
        app.MapGet("/v1/marketstatus/upcoming", pipeline.Wrap("marketstatus", status.Upcoming, asOfNow));
        app.MapGet("/v2/reference/news", pipeline.Wrap("news", news.Handle, NewsEndpoint.Reads));

        var registry = new ConnectionRegistry();
        foreach (var cluster in new[] { "stocks", "options", "indices" })
        {
            app.Map("/" + cluster, async context =>
            {
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }
                Interlocked.Increment(ref _sockets);
                IReadOnlyList<FaultRule> chosen;
                try
                {
                    chosen = faults.Decide("ws_" + cluster, context.Request.Headers["X-Sim-Fault"].ToString());
                }
                catch (FormatException error)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.Response.WriteAsync(error.Message);
                    return;
                }
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                // Sockets end on the client's abort or on StopAsync, so shutdown never waits for a long replay.
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
                await new ClusterConnection(socket, cluster, _options, clock, _lake, registry, chosen).RunAsync(ended.Token);
            });
        }
        app.MapFallback(context => RestPipeline.WriteError(context, 404, "sim-404", "Not found (the simulator does not serve this path)."));

        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return BaseUri;
    }

    /// <summary>Stops listening; open sockets are cut.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await _stopping.CancelAsync();
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
        _lake?.Dispose();
        _lake = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>09:30 New York time on the lake's first stock-bar session (or the sample's first session).</summary>
    private static DateTimeOffset DefaultStart(LakeGate lake)
    {
        var first = lake.Scalar<DateTime?>("SELECT min(date) FROM stock_bars_1m");
        var date = first is { } d ? DateOnly.FromDateTime(d) : SampleLake.From;
        // 10:00, not the 09:30 open: the first 15-minute chain poll (09:45) exists, so a fresh simulator
        // answers a chain snapshot, and a stream still replays most of the day.
        return NewYorkTime.ToUtc(date, new TimeOnly(10, 0));
    }
}
