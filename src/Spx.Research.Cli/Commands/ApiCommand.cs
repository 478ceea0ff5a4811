using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Output;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx api …</c>: call one Polygon/Massive endpoint and print the parsed results — the tool to reach for
/// when a feed looks wrong. The key comes from <c>MASSIVE_API_KEY</c>/<c>POLYGON_API_KEY</c> (or <c>--key</c>);
/// <c>--base-url</c> points at another server, e.g. <c>spx simulate serve</c>.
/// </summary>
public static class ApiCommand
{
    private static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = $"API base URL (default {PolygonClientOptions.DefaultBaseUri}); e.g. http://127.0.0.1:PORT for spx simulate serve",
        Recursive = true,
    };

    private static readonly Option<string?> Key = new("--key")
    {
        Description = "API key (default: $MASSIVE_API_KEY, else $POLYGON_API_KEY); prefer the environment, shells keep history",
        Recursive = true,
    };

    private static readonly Option<string> Plan = new("--plan")
    {
        Description = "Client-side rate limit: free (5 requests/min), unlimited, or N/SECONDS (default: free, unlimited for a loopback --base-url)",
        DefaultValueFactory = _ => "auto",
        Recursive = true,
    };

    private static readonly Option<OutputFormat> Format = Recursive(CommonOptions.Format());

    public static Command Create()
    {
        var api = new Command("api", "Call the Polygon/Massive API (or the simulator) and print parsed results") { BaseUrl, Key, Plan, Format };
        api.Add(Aggregates());
        api.Add(Contracts());
        api.Add(Chain());
        api.Add(Snapshot());
        api.Add(Status());
        api.Add(Holidays());
        api.Add(News());
        api.Add(Stream());
        return api;
    }

    private static Command Aggregates()
    {
        var ticker = new Argument<string>("ticker") { Description = "SPY, I:SPX, I:VIX or an O: option ticker" };
        var from = new Option<DateOnly>("--from") { Description = "First date (YYYY-MM-DD)", Required = true };
        var to = new Option<DateOnly>("--to") { Description = "Last date (YYYY-MM-DD), inclusive", Required = true };
        var timespan = new Option<AggregateTimespan>("--timespan") { Description = "second, minute, hour, day, …", DefaultValueFactory = _ => AggregateTimespan.Minute };
        var multiplier = new Option<int>("--multiplier") { Description = "Bar size in timespans", DefaultValueFactory = _ => 1 };
        var command = new Command("aggs", "Aggregate bars: /v2/aggs/ticker/{ticker}/range/…") { ticker, from, to, timespan, multiplier };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var rows = new List<object?[]>();
            await foreach (var bar in client.Aggregates(parse.GetValue(ticker)!, parse.GetValue(multiplier), parse.GetValue(timespan), parse.GetValue(from), parse.GetValue(to), cancellationToken: ct))
                rows.Add([bar.Start, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.Vwap, bar.Transactions]);
            return new ResultTable(["start_utc", "open", "high", "low", "close", "volume", "vwap", "trades"], rows);
        }));
        return command;
    }

    private static Command Contracts()
    {
        var underlying = new Option<string>("--underlying") { Description = "Underlying ticker, e.g. SPX or SPY", Required = true };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Contracts listed on this date (default: today)" };
        var (expiryFrom, expiryTo) = ExpiryOptions();
        var (strikeFrom, strikeTo) = StrikeOptions();
        var type = new Option<ContractType?>("--type") { Description = "call or put" };
        var command = new Command("contracts", "Options contracts reference: /v3/reference/options/contracts")
        {
            underlying, asOf, expiryFrom, expiryTo, strikeFrom, strikeTo, type,
        };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var query = new OptionsContractsQuery
            {
                UnderlyingTicker = parse.GetValue(underlying),
                AsOf = parse.GetValue(asOf),
                ExpirationDate = Range(parse.GetValue(expiryFrom), parse.GetValue(expiryTo)),
                StrikePrice = Range(parse.GetValue(strikeFrom), parse.GetValue(strikeTo)),
                ContractType = parse.GetValue(type),
            };
            var rows = new List<object?[]>();
            await foreach (var c in client.OptionsContracts(query, ct))
                rows.Add([c.Ticker, c.UnderlyingTicker, c.ContractType, c.ExpirationDate, c.StrikePrice, c.ExerciseStyle, c.SharesPerContract, c.PrimaryExchange]);
            return new ResultTable(["ticker", "underlying", "type", "expiration", "strike", "style", "shares", "exchange"], rows);
        }));
        return command;
    }

    private static Command Chain()
    {
        var underlying = new Argument<string>("underlying") { Description = "SPX (or I:SPX), SPY, …" };
        var (expiryFrom, expiryTo) = ExpiryOptions();
        var (strikeFrom, strikeTo) = StrikeOptions();
        var type = new Option<ContractType?>("--type") { Description = "call or put" };
        var command = new Command("chain", "Option chain snapshot: /v3/snapshot/options/{underlying}")
        {
            underlying, expiryFrom, expiryTo, strikeFrom, strikeTo, type,
        };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var query = new OptionChainQuery
            {
                ExpirationDate = Range(parse.GetValue(expiryFrom), parse.GetValue(expiryTo)),
                StrikePrice = Range(parse.GetValue(strikeFrom), parse.GetValue(strikeTo)),
                ContractType = parse.GetValue(type),
            };
            var rows = new List<object?[]>();
            await foreach (var s in client.OptionChain(parse.GetValue(underlying)!, query, ct))
            {
                rows.Add([s.Details?.Ticker, s.Details?.ExpirationDate, s.Details?.ContractType, s.Details?.StrikePrice,
                    s.LastQuote?.Bid, s.LastQuote?.Ask, s.Day?.Volume, s.OpenInterest, s.ImpliedVolatility,
                    s.Greeks?.Delta, s.Greeks?.Gamma, s.Greeks?.Theta, s.Greeks?.Vega, s.UnderlyingAsset?.Level]);
            }

            return new ResultTable(
                ["ticker", "expiration", "type", "strike", "bid", "ask", "day_volume", "open_interest", "iv", "delta", "gamma", "theta", "vega", "underlying"], rows);
        }));
        return command;
    }

    private static Command Snapshot()
    {
        var tickers = new Argument<string[]>("tickers") { Description = "Tickers (any number; sent in batches of 250)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("snapshot", "Unified snapshot: /v3/snapshot?ticker.any_of=… (per-ticker errors shown, not thrown)") { tickers };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var rows = new List<object?[]>();
            await foreach (var item in client.Snapshots(parse.GetValue(tickers)!, cancellationToken: ct))
            {
                rows.Add(item switch
                {
                    UnifiedSnapshot s => [s.Ticker, s.Type, s.Session?.Close ?? s.Value, s.Session?.Volume, s.OpenInterest, s.ImpliedVolatility, s.MarketStatus, null],
                    UnifiedSnapshotError e => [e.Ticker, null, null, null, null, null, null, $"{e.Error}: {e.Message}"],
                    _ => [item.Ticker, null, null, null, null, null, null, null],
                });
            }

            return new ResultTable(["ticker", "type", "price", "volume", "open_interest", "iv", "market_status", "error"], rows);
        }));
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Market status now: /v1/marketstatus/now");
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var status = await client.MarketStatusNow(ct);
            IEnumerable<object?[]> rows =
            [
                ["market", status.Market], ["early_hours", status.EarlyHours], ["after_hours", status.AfterHours], ["server_time", status.ServerTime],
                .. (status.Exchanges ?? new Dictionary<string, string>()).Select(e => new object?[] { "exchange." + e.Key, e.Value }),
                .. (status.IndicesGroups ?? new Dictionary<string, string>()).Select(e => new object?[] { "indices." + e.Key, e.Value }),
            ];
            return new ResultTable(["field", "value"], rows.ToList());
        }));
        return command;
    }

    private static Command Holidays()
    {
        var command = new Command("holidays", "Upcoming market holidays and early closes: /v1/marketstatus/upcoming");
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var days = await client.UpcomingMarketDays(ct);
            return new ResultTable(["date", "exchange", "name", "status", "open_utc", "close_utc"],
                days.Select(d => new object?[] { d.Date, d.Exchange, d.Name, d.Status, d.Open, d.Close }).ToList());
        }));
        return command;
    }

    private static Command News()
    {
        var ticker = new Option<string?>("--ticker") { Description = "Only articles about this ticker" };
        var limit = new Option<int>("--limit") { Description = "Articles to fetch (newest first)", DefaultValueFactory = _ => 20 };
        var command = new Command("news", "Ticker news: /v2/reference/news") { ticker, limit };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var wanted = parse.GetValue(limit);
            if (wanted <= 0) throw new UsageException("--limit must be positive");
            var rows = new List<object?[]>();
            await foreach (var n in client.News(new NewsQuery { Ticker = parse.GetValue(ticker), Order = SortOrder.Desc, Limit = Math.Min(wanted, 1000) }, ct))
            {
                var sentiment = n.Insights is { Count: > 0 } insights ? string.Join(" ", insights.Select(i => $"{i.Ticker}:{i.Sentiment}")) : null;
                rows.Add([n.PublishedUtc, string.Join(",", n.Tickers ?? []), n.Title, n.Publisher?.Name, sentiment]);
                if (rows.Count >= wanted) break;
            }

            return new ResultTable(["published_utc", "tickers", "title", "publisher", "sentiment"], rows);
        }));
        return command;
    }

    private static Command Stream()
    {
        var cluster = new Option<StreamCluster>("--cluster") { Description = "stocks, options or indices", DefaultValueFactory = _ => StreamCluster.Stocks };
        var subscribe = new Option<string>("--subscribe") { Description = "Topics, e.g. A.SPY,AM.SPY or AM.I:SPX,V.I:SPX", Required = true };
        var duration = new Option<TimeSpan>("--for") { Description = "How long to listen, e.g. 30s, 5m (default 30s)", DefaultValueFactory = _ => TimeSpan.FromSeconds(30), CustomParser = ParseDuration };
        var delayed = new Option<bool>("--delayed") { Description = "Use the 15-minute delayed feed (wss://delayed.massive.com)" };
        var command = new Command("stream", "Print WebSocket events for a while") { cluster, subscribe, duration, delayed };
        command.SetAction(async (parse, ct) =>
        {
            var key = ResolveKey(parse);
            var baseUrl = parse.GetValue(BaseUrl);
            var options = new PolygonStreamOptions
            {
                ApiKey = key,
                Cluster = parse.GetValue(cluster),
                BaseUri = baseUrl is { Length: > 0 } ? WebSocketBase(baseUrl) : parse.GetValue(delayed) ? PolygonStreamOptions.Delayed : PolygonStreamOptions.RealTime,
            };
            var output = parse.InvocationConfiguration.Output;
            using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
            window.CancelAfter(parse.GetValue(duration));
            await using var client = new PolygonStreamClient(options);
            await client.ConnectAsync(window.Token);
            var topics = parse.GetValue(subscribe)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var result in await client.SubscribeAsync(topics, window.Token))
                output.WriteLine($"# {result.Topic}: {result.Status} {result.Message}");
            try
            {
                await foreach (var ev in client.ReadAllAsync(window.Token))
                    output.WriteLine(Describe(ev));
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // --for elapsed
            }

            var stats = client.Statistics;
            output.WriteLine($"# {stats.EventsDelivered} events delivered, {stats.EventsDropped} dropped, {stats.Reconnects} reconnects, {stats.DecodeErrors} decode errors");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(StreamEvent ev) => ev switch
    {
        AggregateEvent a => string.Create(CultureInfo.InvariantCulture, $"{a.EventType} {a.Symbol} {a.Start:HH:mm:ss} o={a.Open} h={a.High} l={a.Low} c={a.Close} v={a.Volume}"),
        IndexValueEvent v => string.Create(CultureInfo.InvariantCulture, $"V {v.Ticker} {v.Timestamp:HH:mm:ss.fff} {v.Value}"),
        _ => ev.ToString(),
    };

    /// <summary>The shared plumbing of the REST verbs: options, client, table output, typed errors as one-line failures.</summary>
    private static async Task<int> Run(ParseResult parse, CancellationToken ct, Func<PolygonRestClient, Task<ResultTable>> call)
    {
        var options = new PolygonClientOptions(ResolveKey(parse)) { BaseUri = ResolveBase(parse), RatePlan = ResolvePlan(parse) };
        using var client = new PolygonRestClient(options);
        var table = await call(client);
        ResultWriter.Write(table, parse.GetValue(Format), parse.InvocationConfiguration.Output);
        return ExitCodes.Ok;
    }

    private static ApiKey ResolveKey(ParseResult parse)
    {
        if (parse.GetValue(Key) is { Length: > 0 } key) return new ApiKey(key);
        return ApiKey.FromEnvironment()
            ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)} (or pass --key)");
    }

    private static Uri ResolveBase(ParseResult parse)
    {
        var text = parse.GetValue(BaseUrl);
        if (string.IsNullOrWhiteSpace(text)) return PolygonClientOptions.DefaultBaseUri;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--base-url '{text}' is not an http(s) URL");
    }

    private static RatePlan ResolvePlan(ParseResult parse)
    {
        var text = parse.GetValue(Plan)!;
        switch (text.ToLowerInvariant())
        {
            case "free": return RatePlan.Free;
            case "unlimited": return RatePlan.Unlimited;
            case "auto": return ResolveBase(parse).IsLoopback ? RatePlan.Unlimited : RatePlan.Free; // a local simulator has no plan
        }

        var parts = text.Split('/');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var permits) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var seconds) && permits > 0 && seconds > 0
            ? RatePlan.PerWindow(permits, TimeSpan.FromSeconds(seconds))
            : throw new UsageException($"--plan '{text}': expected free, unlimited or N/SECONDS (e.g. 100/60)");
    }

    /// <summary>The simulator serves REST and WebSocket on one port: http://host:port becomes ws://host:port.</summary>
    private static Uri WebSocketBase(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) throw new UsageException($"--base-url '{text}' is not a URL");
        var scheme = uri.Scheme switch { "http" or "ws" => "ws", "https" or "wss" => "wss", _ => throw new UsageException($"--base-url '{text}' is not an http(s) or ws(s) URL") };
        return new UriBuilder(uri) { Scheme = scheme, Port = uri.IsDefaultPort ? -1 : uri.Port }.Uri;
    }

    private static (Option<DateOnly?> From, Option<DateOnly?> To) ExpiryOptions() =>
        (new Option<DateOnly?>("--expiration-gte") { Description = "Expiring on or after (YYYY-MM-DD)" },
         new Option<DateOnly?>("--expiration-lte") { Description = "Expiring on or before (YYYY-MM-DD)" });

    private static (Option<double?> From, Option<double?> To) StrikeOptions() =>
        (new Option<double?>("--strike-gte") { Description = "Strike at least" },
         new Option<double?>("--strike-lte") { Description = "Strike at most" });

    private static RangeFilter<T>? Range<T>(T? from, T? to) where T : struct =>
        from is null && to is null ? null : new RangeFilter<T> { AtLeast = from, AtMost = to };

    private static TimeSpan ParseDuration(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "30s";
        var (number, unit) = text.Length > 1 && char.IsLetter(text[^1]) ? (text[..^1], text[^1]) : (text, 's');
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            result.AddError($"--for '{text}': expected a duration like 30s, 5m or 1h");
            return default;
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    /// <summary>The shared option, inherited by every api subcommand.</summary>
    private static Option<T> Recursive<T>(Option<T> option)
    {
        option.Recursive = true;
        return option;
    }
}
