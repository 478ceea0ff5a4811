using System.CommandLine;
using System.Globalization;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// <c>spx api …</c>: call one Polygon/Massive endpoint and print the parsed results — the tool to reach for
/// when a feed looks wrong. The key comes from <c>MASSIVE_API_KEY</c>/<c>POLYGON_API_KEY</c> (or <c>--key</c>);
/// <c>--base-url</c> points at another server, e.g. <c>spx simulate serve</c>. <c>--base-url</c>, <c>--plan</c>,
/// <c>--timeout</c> and <c>--retries</c> default to the configuration's <c>api.*</c> keys when the file sets them.
/// </summary>
public static class ApiCommand
{
    private static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = $"API base URL (default: api.base_url of the configuration, else {PolygonClientOptions.DefaultBaseUri}); e.g. http://127.0.0.1:PORT for spx simulate serve",
        Recursive = true,
    };

    private static readonly Option<string?> Key = new("--key")
    {
        Description = "API key (default: $MASSIVE_API_KEY, else $POLYGON_API_KEY); prefer the environment, shells keep history",
        Recursive = true,
    };

    private static readonly Option<string?> Plan = new("--plan")
    {
        Description = "Client-side rate limit: free (5 requests/min), unlimited, or N/SECONDS (default: api.plan of the configuration, else free, unlimited for a loopback base URL)",
        Recursive = true,
    };

    private static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = $"Time one attempt may take, e.g. 10s or 2m (default: api.timeout of the configuration, else {Durations.Format(PolygonClientOptions.DefaultRequestTimeout)} per REST request, "
                      + $"{Durations.Format(PolygonStreamOptions.DefaultHandshakeTimeout)} per stream handshake)",
        HelpName = "duration",
        CustomParser = ValueParsers.Optional(ValueParsers.Duration(TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1))),
        Recursive = true,
    };

    private static readonly Option<int?> Retries = new("--retries")
    {
        Description = $"Retries after a failed attempt, each announced on stderr (default: api.retries of the configuration, else {RetrySettings.Default.MaxRetries} for REST requests, "
                      + $"{StreamReconnectPolicy.Default.MaxAttempts} reconnects for the stream); 0 fails at the first error",
        HelpName = "count",
        CustomParser = ValueParsers.Optional(ValueParsers.Int(0, MaxRetries)),
        Recursive = true,
    };

    private static readonly Option<OutputFormat> Format = Recursive(CommonOptions.Format());

    /// <summary>Beyond this a retry budget is a loop, not resilience.</summary>
    private const int MaxRetries = 50;

    public static Command Create()
    {
        var api = new Command("api", "Call the Polygon/Massive API (or the simulator) and print parsed results") { BaseUrl, Key, Plan, Timeout, Retries, Format };
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
        var ticker = new Argument<string>("ticker") { Description = "SPY, I:SPX, I:VIX or an O: option ticker", CustomParser = ValueParsers.For(Tickers.Any) };
        var from = new Option<DateOnly>("--from") { Description = "First date (YYYY-MM-DD)", Required = true, CustomParser = ApiDate() };
        var to = new Option<DateOnly>("--to") { Description = "Last date (YYYY-MM-DD), inclusive", Required = true, CustomParser = ApiDate() };
        var timespan = new Option<AggregateTimespan?>("--timespan")
        {
            Description = "Bar unit (default minute)", HelpName = ValueParsers.ChoiceList<AggregateTimespan>("|"),
            CustomParser = ValueParsers.Optional(ValueParsers.Choice<AggregateTimespan>()),
        };
        var multiplier = new Option<int>("--multiplier") { Description = "Bar size in timespans", DefaultValueFactory = _ => 1, CustomParser = ValueParsers.For(ValueParsers.Int(1)) };
        var command = new Command("aggs", "Aggregate bars: /v2/aggs/ticker/{ticker}/range/…") { ticker, from, to, timespan, multiplier };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var (first, last) = Ordered(from, parse.GetValue(from), to, parse.GetValue(to));
            var rows = new List<object?[]>();
            await foreach (var bar in client.Aggregates(parse.GetValue(ticker)!, parse.GetValue(multiplier), parse.GetValue(timespan) ?? AggregateTimespan.Minute, first, last, cancellationToken: ct))
                rows.Add([bar.Start, bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.Vwap, bar.Transactions]);
            return new ResultTable(["start_utc", "open", "high", "low", "close", "volume", "vwap", "trades"], rows);
        }));
        return command;
    }

    private static Command Contracts()
    {
        var underlying = new Option<string>("--underlying") { Description = "Underlying ticker, e.g. SPX or SPY", Required = true, CustomParser = ValueParsers.For(Tickers.Underlying) };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Contracts listed on this date (YYYY-MM-DD; default: today)", CustomParser = ValueParsers.Optional(ApiDates) };
        var (expiryFrom, expiryTo) = ExpiryOptions();
        var (strikeFrom, strikeTo) = StrikeOptions();
        var type = ContractTypeOption();
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
                ExpirationDate = Range(expiryFrom, expiryTo, parse),
                StrikePrice = Range(strikeFrom, strikeTo, parse),
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
        var underlying = new Argument<string>("underlying") { Description = "SPX (or I:SPX), SPY, …", CustomParser = ValueParsers.For(Tickers.Underlying) };
        var (expiryFrom, expiryTo) = ExpiryOptions();
        var (strikeFrom, strikeTo) = StrikeOptions();
        var type = ContractTypeOption();
        var command = new Command("chain", "Option chain snapshot: /v3/snapshot/options/{underlying}")
        {
            underlying, expiryFrom, expiryTo, strikeFrom, strikeTo, type,
        };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var query = new OptionChainQuery
            {
                ExpirationDate = Range(expiryFrom, expiryTo, parse),
                StrikePrice = Range(strikeFrom, strikeTo, parse),
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
        var tickers = new Argument<string[]>("tickers")
        {
            Description = "Tickers (any number; sent in batches of 250)", Arity = ArgumentArity.OneOrMore, CustomParser = ValueParsers.Each(Tickers.Any),
        };
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
        var ticker = new Option<string?>("--ticker") { Description = "Only articles about this ticker", CustomParser = ValueParsers.For(Tickers.Underlying) };
        var limit = new Option<int>("--limit") { Description = "Articles to fetch (newest first)", DefaultValueFactory = _ => 20, CustomParser = ValueParsers.For(ValueParsers.Int(1)) };
        var command = new Command("news", "Ticker news: /v2/reference/news") { ticker, limit };
        command.SetAction((parse, ct) => Run(parse, ct, async client =>
        {
            var wanted = parse.GetValue(limit);
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
        var cluster = new Option<StreamCluster?>("--cluster")
        {
            Description = "Which feed (default stocks)", HelpName = ValueParsers.ChoiceList<StreamCluster>("|"),
            CustomParser = ValueParsers.Optional(ValueParsers.Choice<StreamCluster>()),
        };
        var subscribe = new Option<string[]>("--subscribe")
        {
            Description = "Topics, comma-separated: A.SPY,AM.SPY or AM.I:SPX,V.I:SPX", Required = true, CustomParser = Topics,
        };
        var duration = new Option<TimeSpan?>("--for")
        {
            Description = "How long to listen: 90s, 5m, 1h, 2d or hh:mm:ss (default 30s)", HelpName = "duration",
            CustomParser = ValueParsers.Optional(ValueParsers.Duration(TimeSpan.FromSeconds(1), TimeSpan.FromDays(7))),
        };
        var count = new Option<int?>("--count")
        {
            Description = "Stop after this many bars or values (default: no limit; --for still applies)", HelpName = "n",
            CustomParser = ValueParsers.Optional(ValueParsers.Int(1)),
        };
        var delayed = new Option<bool>("--delayed") { Description = "Use the 15-minute delayed feed (wss://delayed.massive.com)" };
        var command = new Command("stream", "Print WebSocket events for a while: one row per event (subscription replies included), counters on stderr")
        {
            cluster, subscribe, duration, count, delayed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var key = ResolveKey(parse);
            var baseUrl = parse.GetValue(BaseUrl) is { Length: > 0 } flag ? flag
                : Configured(parse, "api.base_url") ? CliConfiguration.Of(parse).Settings.Api.BaseUrl.OriginalString
                : null;
            // The live API's REST host is not its stream host (only a simulator serves both on one port), so the
            // default base URL — e.g. from a copied spx.example.yaml — means the live stream, real-time or delayed.
            if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var given) && given.Host == PolygonClientOptions.DefaultBaseUri.Host) baseUrl = null;
            var errors = parse.InvocationConfiguration.Error;
            var options = new PolygonStreamOptions
            {
                ApiKey = key,
                Cluster = parse.GetValue(cluster) ?? StreamCluster.Stocks,
                BaseUri = baseUrl is { Length: > 0 } ? WebSocketBase(baseUrl) : parse.GetValue(delayed) ? PolygonStreamOptions.Delayed : PolygonStreamOptions.RealTime,
                OnReconnectAttempt = notice => errors.WriteLine(RetryLines.Reconnect(notice)),
            };
            if (ChosenTimeout(parse) is { } timeout) options = options with { HandshakeTimeout = timeout };
            if (ChosenRetries(parse) is { } retries) options = options with { Reconnect = options.Reconnect with { MaxAttempts = retries } };

            var rows = new StreamRows();
            var connected = false;
            var limit = parse.GetValue(count) ?? int.MaxValue;
            var listen = parse.GetValue(duration) ?? TimeSpan.FromSeconds(30);
            await using var client = new PolygonStreamClient(options);
            using var window = CancellationTokenSource.CreateLinkedTokenSource(ct);
            window.CancelAfter(listen);
            try
            {
                await client.ConnectAsync(window.Token);
                connected = true;
                rows.AddUnanswered(await client.SubscribeAsync(parse.GetValue(subscribe)!, window.Token));
                await foreach (var ev in client.ReadAllAsync(window.Token))
                {
                    rows.Add(ev);
                    if (rows.DataRows == limit) break;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // --for elapsed; before the handshake finished that is a failure, not an empty answer.
                if (!connected) throw new PolygonStreamException($"no connection to {client.Endpoint} within --for {Durations.Format(listen)}");
            }
            finally
            {
                // What arrived before a failure is shown too: it is what a user debugging a feed needs.
                if (connected)
                {
                    ResultWriter.Write(rows.ToTable(), parse.GetValue(Format), parse.InvocationConfiguration.Output);
                    var stats = client.Statistics;
                    errors.WriteLine($"spx: {stats.EventsDelivered} events delivered, {stats.EventsDropped} dropped, {stats.DuplicatesDropped} duplicates, {stats.Reconnects} reconnects, {stats.DecodeErrors} decode errors");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The shared plumbing of the REST verbs: options (timeout and retries from the command line), client, a line on
    /// stderr per retry, table output; typed errors reach <see cref="SpxApp"/> as one-line failures.
    /// </summary>
    private static async Task<int> Run(ParseResult parse, CancellationToken ct, Func<PolygonRestClient, Task<ResultTable>> call)
    {
        var errors = parse.InvocationConfiguration.Error;
        var options = new PolygonClientOptions(ResolveKey(parse)) { BaseUri = ResolveBase(parse), RatePlan = ResolvePlan(parse) };
        if (ChosenTimeout(parse) is { } timeout) options = options with { RequestTimeout = timeout };
        if (ChosenRetries(parse) is { } retries) options = options with { Retry = options.Retry with { MaxRetries = retries } };
        var attempts = options.Retry.MaxRetries + 1;
        options = options with { OnRetry = notice => errors.WriteLine(RetryLines.Rest(notice, attempts)) };
        using var client = new PolygonRestClient(options);
        var table = await call(client);
        ResultWriter.Write(table, parse.GetValue(Format), parse.InvocationConfiguration.Output);
        return ExitCodes.Ok;
    }

    private static ApiKey ResolveKey(ParseResult parse)
    {
        if (parse.GetValue(Key) is { Length: > 0 } key)
        {
            try
            {
                return new ApiKey(key);
            }
            catch (ArgumentException bad)
            {
                throw new UsageException($"--key: {bad.Message.Split(" (Parameter", 2)[0]}");
            }
        }
        return ApiKey.FromEnvironment()
            ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)} (or pass --key)");
    }

    /// <summary><c>--timeout</c>, else <c>api.timeout</c> when the file sets it, else null: each client keeps its own default (REST request, stream handshake).</summary>
    private static TimeSpan? ChosenTimeout(ParseResult parse) =>
        parse.GetValue(Timeout) ?? (Configured(parse, "api.timeout") ? CliConfiguration.Of(parse).Settings.Api.Timeout : null);

    /// <summary><c>--retries</c>, else <c>api.retries</c> when the file sets it, else null (each client's default).</summary>
    private static int? ChosenRetries(ParseResult parse) =>
        parse.GetValue(Retries) ?? (Configured(parse, "api.retries") ? CliConfiguration.Of(parse).Settings.Api.Retries : null);

    private static bool Configured(ParseResult parse, string key) => CliConfiguration.Of(parse).Given.Contains(key);

    /// <summary><c>--base-url</c>, else <c>api.base_url</c> of the configuration.</summary>
    private static Uri ResolveBase(ParseResult parse) =>
        parse.GetValue(BaseUrl) is { Length: > 0 } text ? ParseBaseUrl(text) : CliConfiguration.Of(parse).Settings.Api.BaseUrl;

    /// <summary><c>--base-url</c>: the live API when absent, else an http(s) URL (usage error otherwise); shared with <c>spx monitor</c>.</summary>
    internal static Uri ParseBaseUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return PolygonClientOptions.DefaultBaseUri;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--base-url '{text}' is not an http(s) URL");
    }

    /// <summary><c>--plan</c>, else <c>api.plan</c> when the file sets it, else auto.</summary>
    private static RatePlan ResolvePlan(ParseResult parse)
    {
        var text = parse.GetValue(Plan) is { Length: > 0 } flag ? flag
            : Configured(parse, "api.plan") ? CliConfiguration.Of(parse).Settings.Api.Plan
            : "auto";
        return ParsePlan(text, ResolveBase(parse));
    }

    /// <summary><c>--plan</c>: free, unlimited, N/SECONDS, or auto (unlimited for a loopback <paramref name="baseUri"/>); shared with <c>spx monitor</c>.</summary>
    internal static RatePlan ParsePlan(string text, Uri baseUri)
    {
        switch (text.ToLowerInvariant())
        {
            case "free": return RatePlan.Free;
            case "unlimited": return RatePlan.Unlimited;
            case "auto": return baseUri.IsLoopback ? RatePlan.Unlimited : RatePlan.Free; // a local simulator has no plan
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

    /// <summary>The API counts time in Unix milliseconds: a date before 1970 names no data, only a server error.</summary>
    private static readonly Func<string, DateOnly> ApiDates = ValueParsers.Date(first: new DateOnly(1970, 1, 1), range: "Unix time, which the API counts in");

    private static Func<System.CommandLine.Parsing.ArgumentResult, DateOnly> ApiDate() => ValueParsers.For(ApiDates);

    private static Option<ContractType?> ContractTypeOption() => new("--type")
    {
        Description = "Contract type", HelpName = ValueParsers.ChoiceList<ContractType>("|"), CustomParser = ValueParsers.Optional(ValueParsers.Choice<ContractType>()),
    };

    private static (Option<DateOnly?> From, Option<DateOnly?> To) ExpiryOptions() =>
        (new Option<DateOnly?>("--expiration-gte") { Description = "Expiring on or after (YYYY-MM-DD)", CustomParser = ValueParsers.Optional(ApiDates) },
         new Option<DateOnly?>("--expiration-lte") { Description = "Expiring on or before (YYYY-MM-DD)", CustomParser = ValueParsers.Optional(ApiDates) });

    private static (Option<double?> From, Option<double?> To) StrikeOptions() =>
        (new Option<double?>("--strike-gte") { Description = "Strike at least", CustomParser = ValueParsers.Optional(ValueParsers.Number(0, exclusive: true)) },
         new Option<double?>("--strike-lte") { Description = "Strike at most", CustomParser = ValueParsers.Optional(ValueParsers.Number(0, exclusive: true)) });

    /// <summary>The filter for a pair of bound options; bounds the wrong way round are a usage error, as in <c>calendar</c>.</summary>
    private static RangeFilter<T>? Range<T>(Option<T?> fromOption, Option<T?> toOption, ParseResult parse) where T : struct, IComparable<T>
    {
        var (from, to) = (parse.GetValue(fromOption), parse.GetValue(toOption));
        if (from is { } low && to is { } high) Ordered(fromOption, low, toOption, high);
        return from is null && to is null ? null : new RangeFilter<T> { AtLeast = from, AtMost = to };
    }

    private static (T From, T To) Ordered<T>(Option fromOption, T from, Option toOption, T to) where T : IComparable<T> =>
        to.CompareTo(from) < 0
            ? throw new UsageException($"{toOption.Name} {CellText.Format(to)} is before {fromOption.Name} {CellText.Format(from)}")
            : (from, to);

    /// <summary><c>--subscribe A.SPY,AM.SPY</c>: each topic checked, so a typo fails before connecting.</summary>
    private static string[] Topics(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var topics = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (topics.Length == 0) result.AddError($"--subscribe '{text}' names no topic: expected EVENT.TICKER[,…], e.g. AM.SPY");
        foreach (var topic in topics)
        {
            try
            {
                Tickers.Topic(topic);
            }
            catch (FormatException problem)
            {
                result.AddError($"--subscribe '{topic}' {problem.Message}");
                return [];
            }
        }
        return topics;
    }

    /// <summary>The shared option, inherited by every api subcommand.</summary>
    private static Option<T> Recursive<T>(Option<T> option)
    {
        option.Recursive = true;
        return option;
    }
}
