using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Downloads;

/// <summary>
/// Downloads one unit's rows through the shared client. Every paged fetch first takes a slot of
/// <paramref name="inFlight"/> (the backfill's parallelism); the client's one rate limiter paces the requests.
/// </summary>
public sealed class UnitDownloader(PolygonRestClient client, SemaphoreSlim inFlight, int discoveryWindowDays)
{
    /// <summary>The rows of a unit of any source but <see cref="IngestSource.Options"/>.</summary>
    public Task<UnitRows> Download(WorkUnit unit, CancellationToken ct) => unit.Source switch
    {
        IngestSource.Seconds => Bars(unit, AggregateTimespan.Second, ct),
        IngestSource.Minutes => Bars(unit, AggregateTimespan.Minute, ct),
        IngestSource.Vix or IngestSource.Spx => Bars(unit, AggregateTimespan.Minute, ct),
        IngestSource.News => News(unit, ct),
        IngestSource.Contracts => Contracts(unit, ct),
        _ => throw new ArgumentException($"{unit}: options are downloaded per selection (DownloadOptions)", nameof(unit)),
    };

    /// <summary>The minute bars of each selected contract, several contracts at once.</summary>
    public async Task<UnitRows> DownloadOptions(ContractSelection selection, CancellationToken ct)
    {
        var fetched = new (ListedContract, IReadOnlyList<AggregateBar>)[selection.Contracts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, fetched.Length), ct, async (i, token) =>
        {
            var contract = selection.Contracts[i];
            fetched[i] = (contract, await Fetch(client.Aggregates(contract.Ticker, 1, AggregateTimespan.Minute, selection.Session, selection.Session,
                adjusted: true, sort: SortOrder.Asc, limit: 50_000, cancellationToken: token), token));
        });
        return BarRows.Options(selection.Underlying, fetched);
    }

    private async Task<UnitRows> Bars(WorkUnit unit, AggregateTimespan span, CancellationToken ct)
    {
        var bars = await Fetch(client.Aggregates(unit.Ticker, 1, span, unit.Day, unit.Day, adjusted: true, sort: SortOrder.Asc, limit: 50_000, cancellationToken: ct), ct);
        return unit.Source is IngestSource.Vix or IngestSource.Spx ? BarRows.Index(unit.Ticker, bars) : BarRows.Stock(unit.Dataset, unit.Ticker, bars);
    }

    private async Task<UnitRows> News(WorkUnit unit, CancellationToken ct)
    {
        var from = NewYorkTime.ToUtc(unit.Day, TimeOnly.MinValue);
        var query = new NewsQuery
        {
            Ticker = unit.Ticker,
            PublishedUtc = new RangeFilter<DateTimeOffset> { AtLeast = from, LessThan = NewYorkTime.ToUtc(unit.Day.AddDays(1), TimeOnly.MinValue) },
            Order = SortOrder.Asc,
        };
        return ReferenceRows.News(await Fetch(client.News(query, ct), ct));
    }

    private async Task<UnitRows> Contracts(WorkUnit unit, CancellationToken ct)
    {
        var query = new OptionsContractsQuery
        {
            UnderlyingTicker = unit.Ticker,
            AsOf = unit.Day,
            ExpirationDate = RangeFilter<DateOnly>.Between(unit.Day, unit.Day.AddDays(discoveryWindowDays)),
            Sort = OptionsContractSort.Ticker,
            Order = SortOrder.Asc,
        };
        return ReferenceRows.Contracts(unit.Ticker, await Fetch(client.OptionsContracts(query, ct), ct));
    }

    /// <summary>All pages of one listing, holding one in-flight slot for its whole duration.</summary>
    private async Task<IReadOnlyList<T>> Fetch<T>(IAsyncEnumerable<T> pages, CancellationToken ct)
    {
        await inFlight.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var items = new List<T>();
            await foreach (var item in pages.WithCancellation(ct).ConfigureAwait(false)) items.Add(item);
            return items;
        }
        finally
        {
            inFlight.Release();
        }
    }
}
