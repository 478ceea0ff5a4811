using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Spx.Research.Polygon.Rest;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Decoding Polygon wire data. Goals: WebSocket aggregate events ≥ 1 M/s on one core (1 M events in
/// frames of 100, the decoder the stream client runs); a 50,000-bar aggregates page parsed in ≤ 30 ms
/// (the source-generated reader the REST client uses). Baselines in the same run: a bare
/// <see cref="Utf8JsonReader"/> pass over the same bytes (the floor for any JSON decoder).
/// </summary>
/// <remarks>
/// The shared job runs one invocation per iteration, so each benchmark method is called only a handful of
/// times; the runtime promotes a method to fully optimised code after 30 calls, and with the shared job's
/// single warm-up the top-level loops (ours and System.Text.Json's) were still measured in their first-tier
/// code. 40 warm-ups reach the steady state a client decoding all day runs in.
/// </remarks>
[BenchmarkCategory("polygon")]
[WarmupCount(40)]
[IterationCount(15)]
public class PolygonDecodeBenchmarks
{
    private const int EventsPerFrame = 100;
    private const int Frames = 10_000;
    private byte[][] _frames = null!;
    private byte[] _page = null!;
    private readonly List<StreamEvent> _events = new(EventsPerFrame);
    private readonly StreamFrameDecoder _decoder = new();

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
                var s = start + (f * EventsPerFrame + i) * 1000L;
                var price = 580 + (i % 50) * 0.01;
                if (i > 0) frame.Append(',');
                frame.Append(CultureInfo.InvariantCulture,
                    $$"""{"ev":"A","sym":"SPY","v":{{1200 + i}},"av":{{5_000_000 + f}},"op":579.5,"vw":{{price:0.0000}},"o":{{price:0.00}},"c":{{price + 0.01:0.00}},"h":{{price + 0.02:0.00}},"l":{{price - 0.01:0.00}},"a":580.1234,"z":85,"s":{{s}},"e":{{s + 1000}}}""");
            }
            _frames[f] = Encoding.UTF8.GetBytes(frame.Append(']').ToString());
        }

        var page = new StringBuilder("""{"ticker":"SPY","queryCount":50000,"resultsCount":50000,"adjusted":true,"status":"OK","request_id":"bench","results":[""");
        for (var i = 0; i < 50_000; i++)
        {
            var price = 580 + (i % 400) * 0.01;
            if (i > 0) page.Append(',');
            page.Append(CultureInfo.InvariantCulture,
                $$"""{"v":{{1000 + i}},"vw":{{price:0.0000}},"o":{{price:0.00}},"c":{{price + 0.01:0.00}},"h":{{price + 0.02:0.00}},"l":{{price - 0.01:0.00}},"t":{{start + i * 1000L}},"n":{{10 + i % 7}}}""");
        }
        _page = Encoding.UTF8.GetBytes(page.Append("]}").ToString());
    }

    [Benchmark(Description = "WebSocket: decode 1 M aggregate events", OperationsPerInvoke = EventsPerFrame * Frames)]
    [BenchmarkCategory("stream")]
    public int DecodeStream()
    {
        var count = 0;
        foreach (var frame in _frames)
        {
            _events.Clear();
            count += _decoder.Decode(frame, _events);
        }
        return count;
    }

    [Benchmark(Baseline = true, Description = "WebSocket: Utf8JsonReader pass over the same frames", OperationsPerInvoke = EventsPerFrame * Frames)]
    [BenchmarkCategory("stream")]
    public int ScanStream()
    {
        var tokens = 0;
        foreach (var frame in _frames) tokens += Scan(frame);
        return tokens;
    }

    [Benchmark(Description = "REST: parse a 50,000-bar aggregates page")]
    [BenchmarkCategory("page")]
    public int ParsePage() =>
        JsonSerializer.Deserialize(_page, PolygonJsonContext.Default.PolygonPageAggregateBar)!.Results!.Count;

    [Benchmark(Baseline = true, Description = "REST: Utf8JsonReader pass over the same page")]
    [BenchmarkCategory("page")]
    public int ScanPage() => Scan(_page);

    private static int Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }
}
