using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Benchmarks;

/// <summary>
/// 1 M aggregate events through the whole stream path — a Kestrel WebSocket server on loopback sends them
/// in frames of 100 as fast as it can; <see cref="PolygonStreamClient"/> receives, decodes, de-duplicates
/// and delivers them through its bounded channel to a consumer that counts. Goal: flat memory; the peak
/// working set of the process after each run is printed (the channel holds at most 10,000 events).
/// </summary>
[BenchmarkCategory("polygon-stream")]
[WarmupCount(1)]
[IterationCount(3)]
public class StreamThroughputBenchmarks
{
    private const int EventsPerFrame = 100;
    private const int Frames = 10_000;
    private WebApplication _server = null!;
    private Uri _baseUri = null!;
    private byte[][] _frames = null!;

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        _frames = new byte[Frames][];
        for (var f = 0; f < Frames; f++)
        {
            var frame = new StringBuilder("[");
            for (var i = 0; i < EventsPerFrame; i++)
            {
                // One symbol per frame slot, one second per frame: every event is a distinct bar.
                var s = start + f * 1000L;
                if (i > 0) frame.Append(',');
                frame.Append(CultureInfo.InvariantCulture,
                    $$"""{"ev":"A","sym":"S{{i}}","v":1200,"av":5000000,"op":579.5,"vw":580.1,"o":580.0,"c":580.01,"h":580.02,"l":579.99,"a":580.12,"z":85,"s":{{s}},"e":{{s + 1000}}}""");
            }
            _frames[f] = Encoding.UTF8.GetBytes(frame.Append(']').ToString());
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.UseWebSockets();
        _server.Run(async context =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            await Send(socket, """[{"ev":"status","status":"connected","message":"Connected Successfully"}]""");
            await socket.ReceiveAsync(buffer, default); // auth
            await Send(socket, """[{"ev":"status","status":"auth_success","message":"authenticated"}]""");
            await socket.ReceiveAsync(buffer, default); // subscribe
            await Send(socket, """[{"ev":"status","status":"success","message":"subscribed to: A.*"}]""");
            foreach (var frame in _frames)
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, default);
            await socket.ReceiveAsync(buffer, default); // the client's close
        });
        _server.StartAsync().GetAwaiter().GetResult();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal));
    }

    [GlobalCleanup]
    public void Cleanup() => _server.StopAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "stream 1 M events, server to consumer", OperationsPerInvoke = EventsPerFrame * Frames)]
    public async Task<long> StreamOneMillion()
    {
        await using var client = new PolygonStreamClient(new PolygonStreamOptions
        {
            ApiKey = new ApiKey("bench-key"),
            BaseUri = _baseUri,
            Cluster = StreamCluster.Stocks,
            Reconnect = StreamReconnectPolicy.None,
        });
        await client.ConnectAsync();
        await client.SubscribeAsync(["A.*"]);
        long bars = 0;
        await foreach (var ev in client.ReadAllAsync())
        {
            if (ev is AggregateEvent && ++bars == EventsPerFrame * Frames) break;
        }

        await client.CloseAsync();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// stream: {bars:N0} events delivered; peak working set {process.PeakWorkingSet64 / 1e6:0} MB, working set {process.WorkingSet64 / 1e6:0} MB, managed heap {GC.GetTotalMemory(false) / 1e6:0} MB");
        return bars;
    }

    private static Task Send(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
}
