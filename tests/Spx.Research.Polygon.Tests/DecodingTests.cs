using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>Every endpoint reads its recorded shapes, including the odd ones the contract lists.</summary>
public sealed class DecodingTests
{
    private static readonly DateOnly Day = new(2024, 1, 2);

    [Fact]
    public async Task Stock_aggregates_carry_volume_vwap_and_trades_and_ms_start()
    {
        var handler = new FakeHandler(Canned.OkFixture("aggs_spy_minute.json"));
        using var client = Clients.Fake(handler);
        var bars = await client.Aggregates("SPY", 1, AggregateTimespan.Minute, Day, Day, adjusted: false, sort: SortOrder.Asc, limit: 50_000).ToListAsync();

        Assert.Equal(3, bars.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704205800000), bars[0].Start);
        Assert.Equal(70790.0, bars[0].Volume);
        Assert.Equal(51234.5, bars[1].Volume);
        Assert.Equal(1103, bars[0].Transactions);
        Assert.True(bars[1].Otc);
        Assert.False(bars[0].Otc);
        Assert.Equal("/v2/aggs/ticker/SPY/range/1/minute/2024-01-02/2024-01-02?adjusted=false&sort=asc&limit=50000", handler.Seen.Single().PathAndQuery);
    }

    [Fact]
    public async Task Index_aggregates_have_no_volume_vwap_or_trades()
    {
        var handler = new FakeHandler(Canned.OkFixture("aggs_index.json"));
        using var client = Clients.Fake(handler);
        var bars = await client.Aggregates("I:SPX", 1, AggregateTimespan.Day, Day, Day.AddDays(1)).ToListAsync();

        Assert.Equal(2, bars.Count);
        Assert.All(bars, b => Assert.Null(b.Volume));
        Assert.All(bars, b => Assert.Null(b.Vwap));
        Assert.All(bars, b => Assert.Null(b.Transactions));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 5, 0, 0, TimeSpan.Zero), bars[0].Start);
        Assert.StartsWith("/v2/aggs/ticker/I:SPX/range/1/day/", handler.Seen.Single().PathAndQuery);
    }

    [Theory]
    [InlineData("aggs_empty_results.json")]
    [InlineData("aggs_missing_results.json")]
    [InlineData("aggs_null_results.json")]
    public async Task Empty_missing_and_null_results_are_no_data(string fixture)
    {
        using var client = Clients.Fake(new FakeHandler(Canned.OkFixture(fixture)));
        Assert.Empty(await client.Aggregates("SPY", 1, AggregateTimespan.Minute, Day, Day).ToListAsync());
    }

    [Fact]
    public async Task Aggregates_by_instant_send_unix_ms()
    {
        var handler = new FakeHandler(Canned.OkFixture("aggs_empty_results.json"));
        using var client = Clients.Fake(handler);
        var from = DateTimeOffset.FromUnixTimeMilliseconds(1704205800000);
        await client.Aggregates("O:SPY240119C00476000", 1, AggregateTimespan.Second, from, from.AddHours(1)).ToListAsync();
        Assert.Equal("/v2/aggs/ticker/O:SPY240119C00476000/range/1/second/1704205800000/1704209400000", handler.Seen.Single().PathAndQuery);
    }

    [Fact]
    public async Task Contracts_read_every_field_and_send_every_filter()
    {
        var handler = new FakeHandler(Canned.OkFixture("contracts.json"));
        using var client = Clients.Fake(handler);
        var query = new OptionsContractsQuery
        {
            UnderlyingTicker = "SPX",
            ExpirationDate = RangeFilter<DateOnly>.Between(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31)),
            StrikePrice = new RangeFilter<double> { GreaterThan = 5000, LessThan = 5200.5 },
            ContractType = ContractType.Put,
            AsOf = new DateOnly(2024, 3, 15),
            Expired = true,
            Order = SortOrder.Desc,
            Limit = 1000,
            Sort = OptionsContractSort.ExpirationDate,
        };
        var contracts = await client.OptionsContracts(query).ToListAsync();

        Assert.Equal(
            "/v3/reference/options/contracts?underlying_ticker=SPX&expiration_date.gte=2024-03-01&expiration_date.lte=2024-03-31"
            + "&strike_price.gt=5000&strike_price.lt=5200.5&contract_type=put&as_of=2024-03-15&expired=true&order=desc&limit=1000&sort=expiration_date",
            handler.Seen.Single().PathAndQuery);
        Assert.Equal(3, contracts.Count);
        Assert.Equal("O:SPX240315C05100000", contracts[0].Ticker);
        Assert.Equal("SPX", contracts[0].Parsed!.Root);
        Assert.Equal("SPXW", contracts[1].Parsed!.Root);
        Assert.Equal(5100.5, contracts[1].StrikePrice);
        Assert.Equal(1, contracts[1].Correction);
        Assert.Equal(new DateOnly(2024, 3, 15), contracts[0].ExpirationDate);
        Assert.Equal("other", contracts[2].ContractType);
        Assert.Equal("bermudan", contracts[2].ExerciseStyle);
        Assert.Equal(2, contracts[2].AdditionalUnderlyings!.Count);
        Assert.Equal(6.53, contracts[2].AdditionalUnderlyings![1].Amount);
    }

    [Fact]
    public void Page_limits_are_checked_before_any_request()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionsContractsQuery { Limit = 1001 }.ToPathAndQuery());
        Assert.Throws<ArgumentOutOfRangeException>(() => new OptionChainQuery { Limit = 251 }.ToPathAndQuery("SPX"));
    }

    [Fact]
    public async Task One_contract_is_an_object_in_results()
    {
        var handler = new FakeHandler(Canned.OkFixture("contract_single.json"));
        using var client = Clients.Fake(handler);
        var contract = await client.OptionsContract("O:SPY251219C00600000", new DateOnly(2025, 1, 2));
        Assert.Equal(600, contract.StrikePrice);
        Assert.Equal("/v3/reference/options/contracts/O:SPY251219C00600000?as_of=2025-01-02", handler.Seen.Single().PathAndQuery);
    }

    [Fact]
    public async Task Index_chain_reads_value_empty_and_absent_greeks_and_ns_timestamps()
    {
        var handler = new FakeHandler(Canned.OkFixture("chain_spx.json"));
        using var client = Clients.Fake(handler);
        var chain = await client.OptionChain("I:SPX", new OptionChainQuery
        {
            StrikePrice = RangeFilter<double>.Between(4000, 6500),
            ExpirationDate = RangeFilter<DateOnly>.Equal(new DateOnly(2024, 1, 19)),
            ContractType = ContractType.Put,
            Sort = OptionChainSort.StrikePrice,
        }).ToListAsync();

        Assert.Equal(
            "/v3/snapshot/options/I:SPX?strike_price.gte=4000&strike_price.lte=6500&expiration_date=2024-01-19&contract_type=put&limit=250&sort=strike_price",
            handler.Seen.Single().PathAndQuery);
        Assert.Equal(3, chain.Count);
        Assert.Equal(4742.83, chain[0].UnderlyingAsset!.Value);
        Assert.Null(chain[0].UnderlyingAsset!.Price);
        Assert.Equal(4742.83, chain[0].UnderlyingAsset!.Level);
        Assert.Equal(-0.41, chain[0].Greeks!.Delta);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 21, 0, 0, TimeSpan.Zero), chain[0].Day!.LastUpdated);
        Assert.True(chain[1].Greeks!.IsEmpty);
        Assert.Null(chain[1].ImpliedVolatility);
        Assert.Null(chain[2].Greeks);
        Assert.Null(chain[2].Day);
        Assert.Null(chain[0].LastQuote);
    }

    [Fact]
    public async Task Stock_chain_reads_price_quotes_trades_and_ms_day_timestamp()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.OkFixture("chain_spy.json")));
        var contract = Assert.Single(await client.OptionChain("SPY").ToListAsync());

        Assert.Equal(475.37, contract.UnderlyingAsset!.Price);
        Assert.Equal(475.37, contract.UnderlyingAsset!.Level);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1672434000000), contract.Day!.LastUpdated);
        Assert.Equal(4.525, contract.LastQuote!.Midpoint);
        Assert.Equal(302, contract.LastQuote!.AskExchange);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 20, 59, 59, TimeSpan.Zero).AddTicks(1234567), contract.LastQuote!.LastUpdated);
        Assert.Equal([209], contract.LastTrade!.Conditions);
        Assert.Equal(0.118, contract.ImpliedVolatility);
        Assert.Equal(8921, contract.OpenInterest);
        Assert.Equal(4.52, contract.Fmv);
    }

    [Fact]
    public async Task Unified_snapshot_keeps_per_ticker_errors_as_items()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.OkFixture("unified_snapshot.json")));
        var items = await client.Snapshots(["SPY", "I:SPX", "O:SPY251219P00600000", "APx", "I:NDX"]).ToListAsync();

        Assert.Equal(5, items.Count);
        var spy = Assert.IsType<UnifiedSnapshot>(items[0]);
        Assert.Equal(476.5, spy.Session!.Price);
        Assert.Equal(0.1, spy.Session!.EarlyTradingChange);
        Assert.Equal("71675577320245", spy.LastTrade!.Id);
        var spx = Assert.IsType<UnifiedSnapshot>(items[1]);
        Assert.Equal(4742.83, spx.Value);
        var option = Assert.IsType<UnifiedSnapshot>(items[2]);
        Assert.Equal(-0.62, option.Greeks!.Delta);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704229200000), option.UnderlyingAsset!.LastUpdated);
        var missing = Assert.IsType<UnifiedSnapshotError>(items[3]);
        Assert.Equal(("APx", "NOT_FOUND", "Ticker not found."), (missing.Ticker, missing.Error, missing.Message));
        Assert.Equal("NOT_ENTITLED", Assert.IsType<UnifiedSnapshotError>(items[4]).Error);
    }

    [Fact]
    public async Task Unified_snapshot_error_is_found_wherever_it_sits_and_an_empty_one_is_data()
    {
        const string body = """
            {"status":"OK","request_id":"r","results":[
              {"ticker":"I:NDX","type":"indices","message":"You are not entitled to this data.","error":"NOT_ENTITLED"},
              {"error":"","ticker":"I:SPX","type":"indices","value":5998.05},
              {"ticker":"SPY","error":null,"session":{"close":580.5}}
            ]}
            """;
        using var client = Clients.Fake(new FakeHandler(Canned.Ok(body)));
        var items = await client.Snapshots(["I:NDX", "I:SPX", "SPY"]).ToListAsync();

        Assert.Equal(new UnifiedSnapshotError("I:NDX", "NOT_ENTITLED", "You are not entitled to this data."), items[0]);
        Assert.Equal(5998.05, Assert.IsType<UnifiedSnapshot>(items[1]).Value);
        Assert.Equal(580.5, Assert.IsType<UnifiedSnapshot>(items[2]).Session!.Close);
    }

    [Fact]
    public async Task Unified_snapshot_error_of_the_wrong_type_is_a_decode_error()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.Ok("""{"results":[{"ticker":"SPY","error":404}]}""")));
        var error = await Assert.ThrowsAsync<PolygonDecodeException>(() => client.Snapshots(["SPY"]).ToListAsync());
        Assert.Contains("'error' must be a string", error.Message);
    }

    [Fact]
    public async Task Unified_snapshot_batches_at_most_250_tickers_per_request()
    {
        var handler = new FakeHandler(Canned.OkFixture("aggs_empty_results.json"));
        using var client = Clients.Fake(handler);
        var tickers = Enumerable.Range(0, 600).Select(i => $"O:SPY2512{i % 28 + 1:00}C{i:00000000}").ToList();
        await client.Snapshots(tickers.Concat(tickers.Take(10))).ToListAsync();

        Assert.Equal(3, handler.Count);
        var counts = handler.Seen.Select(s => s.PathAndQuery.Split("ticker.any_of=")[1].Split('&')[0].Split(',').Length).ToList();
        Assert.Equal([250, 250, 100], counts);
        Assert.All(handler.Seen, s => Assert.EndsWith("&limit=250", s.PathAndQuery));
    }

    [Fact]
    public async Task Market_status_now_is_camel_case()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.OkFixture("marketstatus_now.json")));
        var status = await client.MarketStatusNow();
        Assert.Equal("extended-hours", status.Market);
        Assert.True(status.AfterHours);
        Assert.False(status.EarlyHours);
        Assert.Equal(new DateTimeOffset(2020, 11, 10, 17, 37, 37, TimeSpan.FromHours(-5)), status.ServerTime);
        Assert.Equal("extended-hours", status.Exchanges!["nyse"]);
        Assert.Equal("open", status.IndicesGroups!["s_and_p"]);
        Assert.Equal("open", status.Currencies!["fx"]);
    }

    [Fact]
    public async Task Upcoming_market_days_are_a_bare_array_with_early_close_times()
    {
        using var client = Clients.Fake(new FakeHandler(Canned.OkFixture("marketstatus_upcoming.json")));
        var days = await client.UpcomingMarketDays();
        Assert.Equal(4, days.Count);
        var early = Assert.Single(days, d => d.IsEarlyClose);
        Assert.Equal(new DateOnly(2022, 11, 25), early.Date);
        Assert.Equal(new DateTimeOffset(2022, 11, 25, 14, 30, 0, TimeSpan.Zero), early.Open);
        Assert.Equal(new DateTimeOffset(2022, 11, 25, 18, 0, 0, TimeSpan.Zero), early.Close);
        Assert.Null(days[0].Open);
    }

    [Fact]
    public async Task News_reads_publisher_and_insights()
    {
        var handler = new FakeHandler(Canned.OkFixture("news.json"));
        using var client = Clients.Fake(handler);
        var articles = await client.News(new NewsQuery
        {
            Ticker = "SPY",
            PublishedUtc = new RangeFilter<DateTimeOffset> { AtLeast = new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero) },
            Order = SortOrder.Desc,
            Limit = 50,
        }).ToListAsync();

        Assert.Equal("/v2/reference/news?ticker=SPY&published_utc.gte=2024-01-02T14:30:00Z&order=desc&limit=50&sort=published_utc", handler.Seen.Single().PathAndQuery);
        Assert.Equal(2, articles.Count);
        Assert.Equal("Investing.com", articles[0].Publisher!.Name);
        Assert.Equal(["SPY", "QQQ"], articles[0].Tickers);
        Assert.Equal("negative", articles[0].Insights![0].Sentiment);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 21, 5, 0, TimeSpan.Zero), articles[0].PublishedUtc);
        Assert.Null(articles[1].Insights);
        Assert.Null(articles[1].Publisher!.LogoUrl);
    }
}
