using System.Net;
using System.Text.Json.Nodes;

namespace Spx.Research.Simulator.Tests;

[Collection(SimulatorCollection.Name)]
public sealed class RestWireTests(SimulatorFixture sim)
{
    [Fact]
    public async Task Minute_aggs_have_the_polygon_envelope_and_bar_fields()
    {
        var body = await sim.GetObject("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03");
        Assert.Equal("SPY", body["ticker"]!.GetValue<string>());
        Assert.Equal("OK", body["status"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["request_id"]!.GetValue<string>()));
        Assert.True(body["adjusted"]!.GetValue<bool>());
        var results = body["results"]!.AsArray();
        Assert.Equal(390, results.Count);
        Assert.Equal(390, body["resultsCount"]!.GetValue<int>());
        Assert.Null(body["next_url"]);
        var bar = results[0]!.AsObject();
        foreach (var field in new[] { "o", "h", "l", "c", "v", "vw", "n", "t" }) Assert.True(bar.ContainsKey(field), field);
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 14, 30, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), bar["t"]!.GetValue<long>());
    }

    [Fact]
    public async Task Index_aggs_have_no_volume_and_day_bars_start_at_midnight_new_york()
    {
        var body = await sim.GetObject("/v2/aggs/ticker/I:SPX/range/1/day/2025-03-03/2025-03-07");
        Assert.False(body.ContainsKey("adjusted"));
        var results = body["results"]!.AsArray();
        Assert.Equal(5, results.Count);
        var bar = results[0]!.AsObject();
        Assert.False(bar.ContainsKey("v") || bar.ContainsKey("vw") || bar.ContainsKey("n"));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 5, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), bar["t"]!.GetValue<long>());
    }

    [Fact]
    public async Task Five_minute_option_aggs_are_bucketed_in_sql()
    {
        var ticker = (await sim.GetObject("/v3/reference/options/contracts?underlying_ticker=SPY&as_of=2025-03-03&limit=1"))["results"]![0]!["ticker"]!.GetValue<string>();
        var minutes = (await sim.GetObject($"/v2/aggs/ticker/{ticker}/range/1/minute/2025-03-03/2025-03-03"))["results"]!.AsArray();
        var fives = (await sim.GetObject($"/v2/aggs/ticker/{ticker}/range/5/minute/2025-03-03/2025-03-03"))["results"]!.AsArray();
        Assert.Equal(minutes.Sum(b => b!["v"]!.GetValue<double>()), fives.Sum(b => b!["v"]!.GetValue<double>()));
        Assert.True(fives.Count < minutes.Count);
        Assert.All(fives, b => Assert.Equal(0, b!["t"]!.GetValue<long>() % 300_000));
    }

    [Fact]
    public async Task Empty_aggs_have_no_results_key()
    {
        var body = await sim.GetObject("/v2/aggs/ticker/SPY/range/1/minute/2025-03-01/2025-03-02");
        Assert.False(body.ContainsKey("results"));
        Assert.Equal(0, body["resultsCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_day_of_spy_seconds_pages_by_5000_and_returns_every_second_once()
    {
        var pages = await sim.AllPages("/v2/aggs/ticker/SPY/range/1/second/2025-03-03/2025-03-03?limit=5000");
        Assert.Equal(5, pages.Count);
        var times = pages.SelectMany(p => p["results"]!.AsArray()).Select(b => b!["t"]!.GetValue<long>()).ToList();
        Assert.Equal(LakeFacts.Count("SELECT count(*) FROM stock_bars_1s WHERE ticker = 'SPY' AND date = DATE '2025-03-03'"), times.Count);
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.Equal(times.Order(), times);
        Assert.Contains("cursor=", pages[0]["next_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Descending_aggs_page_backwards()
    {
        var pages = await sim.AllPages("/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-04?limit=300&sort=desc");
        var times = pages.SelectMany(p => p["results"]!.AsArray()).Select(b => b!["t"]!.GetValue<long>()).ToList();
        Assert.Equal(780, times.Count);
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task The_full_chain_snapshot_pages_by_250_with_every_contract_once()
    {
        var pages = await sim.AllPages("/v3/snapshot/options/SPX?limit=250");
        Assert.True(pages.Count >= 10, $"{pages.Count} pages");
        var tickers = pages.SelectMany(p => p["results"]!.AsArray()).Select(i => i!["details"]!["ticker"]!.GetValue<string>()).ToList();
        var expected = LakeFacts.Count(
            $"SELECT count(*) FROM chain_snapshots WHERE underlying = 'SPX' AND snapshot_ts = (SELECT max(snapshot_ts) FROM chain_snapshots WHERE snapshot_ts <= TIMESTAMPTZ '{SimulatorFixture.Now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00')");
        Assert.Equal(expected, tickers.Count);
        Assert.Equal(tickers.Count, tickers.Distinct().Count());
    }

    [Fact]
    public async Task A_chain_snapshot_item_maps_every_field()
    {
        var body = await sim.GetObject("/v3/snapshot/options/I:SPX?limit=100&contract_type=put&sort=strike_price");
        // Contracts that have not traded today have no day vwap or close (absent, as Polygon omits nulls): pick one that traded.
        var item = body["results"]!.AsArray().Select(i => i!.AsObject()).First(i => i["day"]!["volume"]!.GetValue<double>() > 0);
        Assert.Equal("put", item["details"]!["contract_type"]!.GetValue<string>());
        Assert.Equal("european", item["details"]!["exercise_style"]!.GetValue<string>());
        Assert.True(item["day"]!.AsObject().ContainsKey("volume"));
        Assert.True(item["day"]!.AsObject().ContainsKey("vwap"));
        Assert.True(item["day"]!.AsObject().ContainsKey("close"));
        Assert.True(item["last_quote"]!.AsObject().ContainsKey("midpoint"));
        Assert.True(item.ContainsKey("open_interest"));
        Assert.Equal("I:SPX", item["underlying_asset"]!["ticker"]!.GetValue<string>());
        Assert.True(item["underlying_asset"]!.AsObject().ContainsKey("value"));
        Assert.False(item["underlying_asset"]!.AsObject().ContainsKey("price"));
        var strikes = body["results"]!.AsArray().Select(i => i!["details"]!["strike_price"]!.GetValue<double>()).ToList();
        Assert.Equal(strikes.Order(), strikes);
    }

    [Fact]
    public async Task Contracts_page_through_the_as_of_partition()
    {
        var pages = await sim.AllPages("/v3/reference/options/contracts?underlying_ticker=SPX&as_of=2025-03-03&limit=1000");
        var tickers = pages.SelectMany(p => p["results"]!.AsArray()).Select(i => i!["ticker"]!.GetValue<string>()).ToList();
        Assert.Equal(LakeFacts.Count("SELECT count(*) FROM option_contracts WHERE underlying = 'SPX' AND date = DATE '2025-03-03' AND expiry >= DATE '2025-03-03'"), tickers.Count);
        Assert.Equal(tickers.Count, tickers.Distinct().Count());
        var one = await sim.GetObject("/v3/reference/options/contracts/" + tickers[0] + "?as_of=2025-03-03");
        Assert.Equal(tickers[0], one["results"]!["ticker"]!.GetValue<string>());
        using var missing = await sim.Client.GetAsync("/v3/reference/options/contracts/O:SPX990101C01000000");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Unified_snapshot_reports_unknown_tickers_inside_a_200()
    {
        var body = await sim.GetObject("/v3/snapshot?ticker.any_of=SPY,I:SPX,NOPE&limit=250");
        var items = body["results"]!.AsArray().Select(i => i!.AsObject()).ToDictionary(i => i["ticker"]!.GetValue<string>());
        Assert.Equal("NOT_FOUND", items["NOPE"]["error"]!.GetValue<string>());
        Assert.Equal("indices", items["I:SPX"]["type"]!.GetValue<string>());
        Assert.True(items["I:SPX"].ContainsKey("value"));
        Assert.Equal("stocks", items["SPY"]["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Market_status_follows_the_simulated_clock()
    {
        var now = await sim.GetObject("/v1/marketstatus/now");
        Assert.Equal("open", now["market"]!.GetValue<string>());
        Assert.Equal("2025-03-03T10:30:00-05:00", now["serverTime"]!.GetValue<string>());
        using var response = await sim.Client.GetAsync("/v1/marketstatus/upcoming");
        var upcoming = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(upcoming, i => i!["date"]!.GetValue<string>() == "2025-04-18" && i["status"]!.GetValue<string>() == "closed");
        Assert.Contains(upcoming, i => i!["status"]!.GetValue<string>() == "early-close" && i["close"] is not null);
    }

    [Fact]
    public async Task News_pages_return_every_article_once()
    {
        var pages = await sim.AllPages("/v2/reference/news?limit=10");
        var ids = pages.SelectMany(p => p["results"]!.AsArray()).Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(LakeFacts.Count("SELECT count(*) FROM news"), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var item = pages[0]["results"]![0]!.AsObject();
        foreach (var field in new[] { "id", "title", "author", "published_utc", "article_url", "tickers", "publisher" }) Assert.True(item.ContainsKey(field), field);
        Assert.EndsWith("Z", item["published_utc"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_or_missing_key_gets_polygons_401_body_and_both_key_forms_work()
    {
        using var bad = sim.NewClient("wrong");
        using var response = await bad.GetAsync("/v1/marketstatus/now");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("ERROR", body["status"]!.GetValue<string>());
        Assert.Equal("Unknown API Key", body["error"]!.GetValue<string>());
        Assert.NotNull(body["request_id"]);
        using var none = sim.NewClient(null);
        using var missing = await none.GetAsync("/v1/marketstatus/now");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var query = await none.GetAsync("/v1/marketstatus/now?apiKey=sim-key");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }
}

public sealed class DelayedSnapshotTests
{
    [Fact]
    public async Task A_delayed_simulator_serves_the_poll_of_15_minutes_ago_marked_delayed()
    {
        await using var sim = new PolygonSimulator(new SimulatorOptions
        {
            LakeRoot = SimulatorFixture.Lake, Speed = ReplaySpeed.Max, ClockStart = SimulatorFixture.Now, Delayed = true,
        });
        using var client = new HttpClient { BaseAddress = await sim.StartAsync() };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sim-key");
        var body = JsonNode.Parse(await client.GetStringAsync("/v3/snapshot/options/SPX?limit=1"))!;
        var quote = body["results"]![0]!["last_quote"]!;
        Assert.Equal("DELAYED", quote["timeframe"]!.GetValue<string>());
        var polled = DateTimeOffset.FromUnixTimeMilliseconds(quote["last_updated"]!.GetValue<long>() / 1_000_000);
        Assert.True(polled <= SimulatorFixture.Now.AddMinutes(-15), $"{polled:O}");
    }
}
