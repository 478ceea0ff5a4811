using Spx.Research.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Simulator.Tests;

/// <summary>
/// Serving a synthetic market while it is generated: the first session serves at once, later ones are waited
/// for and then match a one-shot generation row for row. Generation is held by a gate, never raced against a clock.
/// </summary>
public sealed class OnTheFlyTests(OnTheFly oneShot) : IClassFixture<OnTheFly>
{
    /// <summary>Upper bound on waiting for a signal, so a broken server fails the test instead of hanging it.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Serving_starts_after_the_first_session_while_the_rest_are_pending()
    {
        using var held = HeldGeneration.Start();
        Assert.Equal(1, held.Source.Frontier.Written);
        await using var sim = held.Simulator();
        using var client = Client(await sim.StartAsync());

        var status = await GetObject(client, "/v1/marketstatus/now");
        Assert.Equal("open", status["market"]!.GetValue<string>());
        Assert.StartsWith("2025-03-03T10:00:00", status["serverTime"]!.GetValue<string>(), StringComparison.Ordinal);
        var body = await GetObject(client, "/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=50000");
        Assert.Equal(OneShotMinuteBars(OnTheFly.From), Served(body));

        // Both answers came while the later sessions were still held back.
        Assert.Equal(1, held.Source.Frontier.Written);
        Assert.Equal(OnTheFly.Middle, held.Source.Frontier.Pending);
    }

    [Fact]
    public async Task A_request_for_the_last_session_waits_for_it_then_gets_the_one_shot_rows()
    {
        using var held = HeldGeneration.Start();
        var waitedFor = new TaskCompletionSource<DateOnly>();
        held.ReleaseWhenSomeoneWaits(session => waitedFor.TrySetResult(session));
        await using var sim = held.Simulator();
        using var client = Client(await sim.StartAsync());

        var body = await GetObject(client, "/v2/aggs/ticker/SPY/range/1/minute/2025-03-05/2025-03-05?limit=50000");
        Assert.Equal(OneShotMinuteBars(OnTheFly.To), Served(body));
        // Generation only went on because the request waited, so by the answer the wait has been announced.
        Assert.True(waitedFor.Task.IsCompleted, "the request did not wait");
        Assert.Equal(OnTheFly.To, await waitedFor.Task);

        // The finished lake is the one-shot lake, file for file, byte for byte.
        Assert.True(held.Source.Frontier.IsComplete);
        var expected = LakeFiles.Snapshot(oneShot.OneShot);
        var actual = LakeFiles.Snapshot(held.Source.Root);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs from the one-shot lake"));
    }

    [Fact]
    public async Task An_as_of_now_answer_waits_for_the_clocks_session()
    {
        using var held = HeldGeneration.Start();
        var waitedFor = new TaskCompletionSource<DateOnly>();
        held.ReleaseWhenSomeoneWaits(session => waitedFor.TrySetResult(session));
        await using var sim = held.Simulator(clock: NewYorkTime.ToUtc(OnTheFly.To, new TimeOnly(10, 30)));
        using var client = Client(await sim.StartAsync());

        // Read too early, the latest poll at or before "now" would silently be the first session's.
        var chain = (await GetObject(client, "/v3/snapshot/options/SPX?limit=5"))["results"]!.AsArray();
        Assert.Equal(5, chain.Count);
        Assert.All(chain, item => Assert.Equal(
            NewYorkTime.ToUtc(OnTheFly.To, new TimeOnly(10, 30)).ToUnixTimeMilliseconds() * 1_000_000,
            item!["day"]!["last_updated"]!.GetValue<long>()));
        Assert.True(waitedFor.Task.IsCompleted, "the request did not wait");
        Assert.Equal(OnTheFly.To, await waitedFor.Task);
    }

    [Fact]
    public async Task A_replay_that_outruns_generation_waits_for_the_next_session()
    {
        using var held = HeldGeneration.Start();
        held.ReleaseWhenSomeoneWaits();
        var from = NewYorkTime.ToUtc(OnTheFly.From, new TimeOnly(15, 50));
        var until = NewYorkTime.ToUtc(OnTheFly.Middle, new TimeOnly(9, 40));
        await using var sim = held.Simulator(clock: from, replayFor: until - from);
        await using var socket = await SocketSession.Connect(await sim.StartAsync(), "stocks");
        await socket.Authenticate();
        await socket.Send("""{"action":"subscribe","params":"AM.SPY"}""");
        Assert.Equal("success", (await socket.Receive())![0]!["status"]!.GetValue<string>());

        var starts = (await socket.ReadToClose()).Select(e => e["s"]!.GetValue<long>()).ToList();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
        var expected = OneShotMinuteBars(OnTheFly.From).Concat(OneShotMinuteBars(OnTheFly.Middle))
            .Select(b => b.T).Where(t => t + 60_000 > from.ToUnixTimeMilliseconds() && t + 60_000 <= until.ToUnixTimeMilliseconds()).ToList();
        Assert.Contains(expected, t => NewYorkTime.LocalDate(DateTimeOffset.FromUnixTimeMilliseconds(t)) == OnTheFly.Middle);
        Assert.Equal(expected, starts);
    }

    [Fact]
    public async Task A_request_that_outwaits_the_limit_gets_a_503_naming_the_pending_session()
    {
        using var held = HeldGeneration.Start();
        await using var sim = held.Simulator(sessionWait: TimeSpan.FromMilliseconds(200));
        using var client = Client(await sim.StartAsync());

        using var response = await client.GetAsync("/v2/aggs/ticker/SPY/range/1/minute/2025-03-05/2025-03-05");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.Contains("through 2025-03-05", error, StringComparison.Ordinal);
        Assert.Contains("session 2025-03-04 is still being generated (1 of 3 written)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_background_failure_is_logged_once_and_requests_for_missing_sessions_get_a_500_naming_it()
    {
        var failures = new ConcurrentQueue<Exception>();
        var logged = new TaskCompletionSource();
        using var held = HeldGeneration.FailingAfterFirst(e =>
        {
            failures.Enqueue(e);
            logged.TrySetResult();
        });
        await logged.Task.WaitAsync(Guard);
        await using var sim = held.Simulator();
        using var client = Client(await sim.StartAsync());

        await GetObject(client, "/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03");
        using var response = await client.GetAsync("/v2/aggs/ticker/SPY/range/1/minute/2025-03-05/2025-03-05");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        Assert.Contains("Session 2025-03-04 is not available", error, StringComparison.Ordinal);
        Assert.Contains("simulated writer failure after 2025-03-03", error, StringComparison.Ordinal);
        Assert.Single(failures);
    }

    [Fact]
    public async Task Disposing_mid_generation_stops_it_deletes_the_lake_and_frees_waiting_requests()
    {
        using var held = HeldGeneration.Start(); // disposed mid-test; the using only cleans up after a failure
        var root = held.Source.Root;
        var waiting = new TaskCompletionSource();
        held.Source.Frontier.Waiting += _ => waiting.TrySetResult();
        await using var sim = held.Simulator();
        using var client = Client(await sim.StartAsync());
        var request = client.GetAsync("/v2/aggs/ticker/SPY/range/1/minute/2025-03-05/2025-03-05");
        await waiting.Task.WaitAsync(Guard);

        held.Dispose();

        Assert.False(Directory.Exists(root), root);
        Assert.Equal(1, held.Source.Frontier.Written);
        using var response = await request.WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Session 2025-03-04 is not available", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_server_answers_a_waiting_request_instead_of_holding_shutdown()
    {
        using var held = HeldGeneration.Start();
        var waiting = new TaskCompletionSource();
        held.Source.Frontier.Waiting += _ => waiting.TrySetResult();
        await using var sim = held.Simulator();
        using var client = Client(await sim.StartAsync());
        var request = client.GetAsync("/v2/aggs/ticker/SPY/range/1/minute/2025-03-05/2025-03-05");
        await waiting.Task.WaitAsync(Guard);

        await sim.StopAsync();

        using var response = await request.WaitAsync(Guard);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The simulator is stopping.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, held.Source.Frontier.Written);
    }

    [Fact]
    public void A_range_without_a_session_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SyntheticSource.Start(OnTheFly.Seed, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 2)));
        Assert.Contains("No NYSE sessions between 2025-03-01 and 2025-03-02", error.Message, StringComparison.Ordinal);
    }

    private static HttpClient Client(Uri baseUri)
    {
        var client = new HttpClient { BaseAddress = baseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sim-key");
        return client;
    }

    private static async Task<JsonObject> GetObject(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private sealed record Bar(long T, double O, double H, double L, double C, double V, double Vw, long N);

    /// <summary>SPY minute bars of <paramref name="date"/> straight from the one-shot lake, as aggs serves them (vw to 4 places).</summary>
    private List<Bar> OneShotMinuteBars(DateOnly date)
    {
        using var session = LakeSession.Open(oneShot.OneShot);
        return session.Query(
            $"SELECT epoch_ms(ts), open, high, low, close, CAST(volume AS DOUBLE), vwap, CAST(trades AS BIGINT) FROM stock_bars_1m WHERE ticker = 'SPY' AND date = DATE '{date:yyyy-MM-dd}' ORDER BY ts",
            r =>
            {
                var bars = new List<Bar>();
                while (r.Read())
                    bars.Add(new Bar(r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), Math.Round(r.GetDouble(6), 4), r.GetInt64(7)));
                return bars;
            });
    }

    private static List<Bar> Served(JsonObject body) =>
        [.. body["results"]!.AsArray().Select(b => new Bar(
            b!["t"]!.GetValue<long>(), b["o"]!.GetValue<double>(), b["h"]!.GetValue<double>(), b["l"]!.GetValue<double>(), b["c"]!.GetValue<double>(),
            b["v"]!.GetValue<double>(), b["vw"]!.GetValue<double>(), b["n"]!.GetValue<long>()))];
}
