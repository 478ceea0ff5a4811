using System.Globalization;
using System.Runtime.CompilerServices;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Typed access to the Polygon/Massive REST endpoints this workspace uses. List endpoints stream every page as
/// an <see cref="IAsyncEnumerable{T}"/> (a page is fetched only when the previous one is consumed), all calls
/// share one rate limiter, transient failures are retried, and failures surface as
/// <see cref="PolygonApiException"/> subclasses whose text never contains the key.
/// </summary>
/// <example>
/// <code>
/// using var client = new PolygonRestClient(PolygonClientOptions.FromEnvironment());
/// await foreach (var bar in client.Aggregates("I:SPX", 1, AggregateTimespan.Minute, day, day)) { … }
/// </code>
/// </example>
public sealed class PolygonRestClient : IDisposable
{
    /// <summary>Most tickers the unified snapshot takes per request.</summary>
    public const int MaxSnapshotTickers = 250;

    private readonly RestTransport _transport;
    private readonly PolygonClientOptions _options;

    public PolygonRestClient(PolygonClientOptions options)
    {
        _transport = new RestTransport(options);
        _options = options;
    }

    /// <summary>The options in force (their ToString hides the key).</summary>
    public PolygonClientOptions Options => _options;

    /// <summary>Aggregate bars between two dates (inclusive, exchange dates).</summary>
    /// <param name="ticker">Stock (<c>SPY</c>), index (<c>I:SPX</c>) or option (<c>O:SPXW…</c>).</param>
    /// <param name="limit">Base aggregates per page, 1–50000 (server default 5000).</param>
    public IAsyncEnumerable<AggregateBar> Aggregates(
        string ticker,
        int multiplier,
        AggregateTimespan timespan,
        DateOnly from,
        DateOnly to,
        bool? adjusted = null,
        SortOrder? sort = null,
        int? limit = null,
        CancellationToken cancellationToken = default) =>
        Aggregates(ticker, multiplier, timespan, QueryBuilder.Format(from), QueryBuilder.Format(to), adjusted, sort, limit, cancellationToken);

    /// <summary>Aggregate bars between two instants (sent as Unix ms, inclusive).</summary>
    public IAsyncEnumerable<AggregateBar> Aggregates(
        string ticker,
        int multiplier,
        AggregateTimespan timespan,
        DateTimeOffset from,
        DateTimeOffset to,
        bool? adjusted = null,
        SortOrder? sort = null,
        int? limit = null,
        CancellationToken cancellationToken = default) =>
        Aggregates(
            ticker,
            multiplier,
            timespan,
            from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            to.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            adjusted,
            sort,
            limit,
            cancellationToken);

    /// <summary>Listed option contracts matching <paramref name="query"/>, across all pages.</summary>
    public IAsyncEnumerable<OptionsContract> OptionsContracts(OptionsContractsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.PaginateAsync(query.ToPathAndQuery(), PolygonJsonContext.Default.PolygonPageOptionsContract, cancellationToken);
    }

    /// <summary>One contract's reference data.</summary>
    /// <exception cref="PolygonNotFoundException">No such contract.</exception>
    public async Task<OptionsContract> OptionsContract(string optionsTicker, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(optionsTicker);
        var path = new QueryBuilder("/v3/reference/options/contracts/" + QueryBuilder.Segment(optionsTicker)).Add("as_of", asOf).ToString();
        var single = await _transport.GetAsync(path, PolygonJsonContext.Default.PolygonSingleOptionsContract, cancellationToken).ConfigureAwait(false);
        return single.Results ?? throw MissingResults(path);
    }

    /// <summary>The option chain of <paramref name="underlying"/> (e.g. <c>SPY</c>, <c>I:SPX</c> or <c>SPX</c>), across all pages.</summary>
    public IAsyncEnumerable<OptionContractSnapshot> OptionChain(string underlying, OptionChainQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underlying);
        return _transport.PaginateAsync((query ?? new OptionChainQuery()).ToPathAndQuery(underlying), PolygonJsonContext.Default.PolygonPageOptionContractSnapshot, cancellationToken);
    }

    /// <summary>The snapshot of one contract.</summary>
    public async Task<OptionContractSnapshot> OptionContractSnapshot(string underlying, string optionsTicker, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(underlying);
        ArgumentException.ThrowIfNullOrWhiteSpace(optionsTicker);
        var path = "/v3/snapshot/options/" + QueryBuilder.Segment(underlying) + "/" + QueryBuilder.Segment(optionsTicker);
        var single = await _transport.GetAsync(path, PolygonJsonContext.Default.PolygonSingleOptionContractSnapshot, cancellationToken).ConfigureAwait(false);
        return single.Results ?? throw MissingResults(path);
    }

    /// <summary>
    /// Unified snapshots of any number of tickers of any asset class, requested in batches of
    /// <paramref name="batchSize"/> (≤ 250; the server warns about URL length). Unknown or unentitled tickers come
    /// back as <see cref="UnifiedSnapshotError"/> items, not exceptions. Duplicate tickers are asked for once.
    /// </summary>
    public async IAsyncEnumerable<UnifiedSnapshotItem> Snapshots(
        IEnumerable<string> tickers,
        int batchSize = MaxSnapshotTickers,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tickers);
        if (batchSize is < 1 or > MaxSnapshotTickers)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"The batch size must be 1–{MaxSnapshotTickers}.");
        }

        var distinct = tickers.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var batch in distinct.Chunk(batchSize))
        {
            var path = new QueryBuilder("/v3/snapshot").AddList("ticker.any_of", batch).Add("limit", MaxSnapshotTickers).ToString();
            await foreach (var item in _transport.PaginateAsync(path, PolygonJsonContext.Default.PolygonPageUnifiedSnapshotItem, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }
    }

    /// <summary>Whether markets are open right now.</summary>
    public Task<MarketStatus> MarketStatusNow(CancellationToken cancellationToken = default) =>
        _transport.GetAsync("/v1/marketstatus/now", PolygonJsonContext.Default.MarketStatus, cancellationToken);

    /// <summary>Coming holidays and early closes (a bare array on the wire).</summary>
    public async Task<IReadOnlyList<UpcomingMarketDay>> UpcomingMarketDays(CancellationToken cancellationToken = default)
    {
        var days = await _transport.GetAsync("/v1/marketstatus/upcoming", PolygonJsonContext.Default.ListUpcomingMarketDay, cancellationToken).ConfigureAwait(false);
        return days.Where(d => d is not null).ToList();
    }

    /// <summary>News articles, newest or oldest first by <see cref="NewsQuery.Order"/>, across all pages.</summary>
    public IAsyncEnumerable<NewsArticle> News(NewsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _transport.PaginateAsync(query.ToPathAndQuery(), PolygonJsonContext.Default.PolygonPageNewsArticle, cancellationToken);
    }

    public void Dispose() => _transport.Dispose();

    /// <summary>Never shows the key.</summary>
    public override string ToString() => $"PolygonRestClient({_transport.Origin}, {(_options.SharedRateLimiter is null ? _options.RatePlan.ToString() : "shared limiter")})";

    private IAsyncEnumerable<AggregateBar> Aggregates(
        string ticker,
        int multiplier,
        AggregateTimespan timespan,
        string from,
        string to,
        bool? adjusted,
        SortOrder? sort,
        int? limit,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ticker);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiplier);
        var path = new QueryBuilder(
                $"/v2/aggs/ticker/{QueryBuilder.Segment(ticker)}/range/{multiplier.ToString(CultureInfo.InvariantCulture)}/{QueryBuilder.Lower(timespan)}/{from}/{to}")
            .Add("adjusted", adjusted);
        if (sort is { } s) path.Add("sort", QueryBuilder.Lower(s));
        path.Add("limit", Limits.Check(limit, 50_000, nameof(limit)));
        return _transport.PaginateAsync(path.ToString(), PolygonJsonContext.Default.PolygonPageAggregateBar, cancellationToken);
    }

    private PolygonDecodeException MissingResults(string path) =>
        new(_options.ApiKey.Redact($"GET {NextPageLink.PathOf(path)}: the response has no results object."), _options.ApiKey.Redact(NextPageLink.PathOf(path)), "$.results", null, null, null);
}
