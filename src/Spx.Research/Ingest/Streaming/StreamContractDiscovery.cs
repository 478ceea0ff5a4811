using Spx.Research.Ingest.Discovery;
using Spx.Research.Ingest.Downloads;
using Spx.Research.Ingest.Pipeline;
using Spx.Research.Ingest.Units;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// The stream's own contract discovery, for a day no backfill has prepared (no <c>option_selection</c> partition and
/// no <c>--contracts</c>): the backfill's pieces, run for today — the listing from /v3/reference/options/contracts
/// (<see cref="UnitDownloader"/>), the open of the first minute bar at or after the session's open (else the
/// snapshot's day open), <see cref="ContractDiscovery.Select"/> — and the listing and selection saved by the backfill's
/// <see cref="UnitStore"/>, so the lake holds what a backfill of the day would have chosen (docs/streaming.md).
/// </summary>
public sealed class StreamContractDiscovery(PolygonRestClient client, LakeLayout lake, DiscoveryRule rule, int discoveryWindowDays, Action<string> log)
{
    /// <summary>Discovers, stores and returns the day's contracts of every underlying.</summary>
    /// <exception cref="StreamPlanException">The day is not a session, or an underlying has no opening price yet.</exception>
    public async Task<IReadOnlyList<string>> DiscoverAsync(DateOnly day, IReadOnlyList<string> underlyings, CancellationToken ct)
    {
        var session = NyseCalendar.Default.GetSession(day) ?? throw new StreamPlanException($"{day:yyyy-MM-dd} is not a session: no contracts to discover (give --contracts)");
        var downloader = new UnitDownloader(client, new SemaphoreSlim(1, 1), discoveryWindowDays);
        var store = new UnitStore(lake);
        var tickers = new List<string>();
        foreach (var underlying in underlyings)
        {
            var listing = await downloader.Download(new WorkUnit(IngestSource.Contracts, underlying, day), ct).ConfigureAwait(false);
            await store.Write(listing, underlying, day, overwrite: false, ct).ConfigureAwait(false);
            var open = await OpeningPrice(underlying, session, ct).ConfigureAwait(false);
            var selection = ContractDiscovery.Select(day, underlying, open, new LakeInputs(lake).Listing(underlying, day), rule);
            await store.Write(ReferenceRows.Selection(selection), underlying, day, overwrite: false, ct).ConfigureAwait(false);
            log($"discovered {selection.Contracts.Count} {underlying} contracts for {day:yyyy-MM-dd} (open {open}, {rule}); saved to {ContractList.SelectionDataset}");
            tickers.AddRange(selection.Contracts.Select(c => c.Ticker));
        }
        return tickers;
    }

    /// <summary>The open of the first minute bar at or after the session's open; before that bar exists, the snapshot's day open.</summary>
    private async Task<double> OpeningPrice(string underlying, MarketSession session, CancellationToken ct)
    {
        await foreach (var bar in client.Aggregates(underlying, 1, AggregateTimespan.Minute, session.Date, session.Date, adjusted: true, sort: SortOrder.Asc, limit: 50_000, cancellationToken: ct).ConfigureAwait(false))
            if (bar.Start >= session.Open && bar.Open > 0) return bar.Open;
        await foreach (var item in client.Snapshots([underlying], cancellationToken: ct).ConfigureAwait(false))
            if (item is UnifiedSnapshot { Session.Open: > 0 } snapshot) return snapshot.Session!.Open!.Value;
        throw new StreamPlanException($"{underlying} {session.Date:yyyy-MM-dd}: no opening price yet (no minute bar at or after {NewYorkTime.ToLocal(session.Open):HH:mm} New York time and no snapshot open); give --contracts");
    }
}
