using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Monitor.Detection;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// One poll of the put-hedging monitor (issue 10, "The poll"): at the clock's minute, if it is a trading
/// session, read spot and the chain window from the API, keep the watched contracts, measure each one's
/// volume since its previous poll of the session, and append the rows to <c>monitor_polls</c>. The CLI's
/// <c>spx monitor poll</c>, the scheduler and notebooks all call this; what is watched comes only from
/// <see cref="MonitorSettings"/>. <c>lake</c> and <c>writerOptions</c> make the writer of <see cref="RunAsync(CancellationToken)"/>;
/// a caller with a writer of its own passes it to <see cref="RunAsync(LakeWriter, CancellationToken)"/>.
/// </summary>
public sealed class MonitorPoll(
    PolygonRestClient client,
    LakeLayout lake,
    MonitorSettings settings,
    TimeProvider clock,
    NyseCalendar? calendar = null,
    LakeWriterOptions? writerOptions = null)
{
    private readonly NyseCalendar _calendar = calendar ?? NyseCalendar.Default;

    /// <summary>Polls once. A weekend or holiday is not an error: the result says why nothing was polled.</summary>
    /// <exception cref="MonitorPollException">Spot could not be read.</exception>
    /// <exception cref="Polygon.Rest.PolygonApiException">A request failed after its retries.</exception>
    public async Task<PollResult> RunAsync(CancellationToken cancellationToken = default)
    {
        using var writer = new LakeWriter(lake, MonitorRegistry.With(), writerOptions);
        return await RunAsync(writer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls once, reading and writing the lake through <paramref name="writer"/> (a cycle's, shared with its detector).</summary>
    /// <exception cref="MonitorPollException">Spot could not be read.</exception>
    /// <exception cref="Polygon.Rest.PolygonApiException">A request failed after its retries.</exception>
    public async Task<PollResult> RunAsync(LakeWriter writer, CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        var pollTs = PollInstant.Of(clock.GetUtcNow());
        var session = NewYorkTime.LocalDate(pollTs);
        if (!_calendar.IsSession(session))
            return PollResult.NotASession(pollTs, session, $"{session:yyyy-MM-dd} is not a trading session ({WhyClosed(session)}): nothing to poll", clock.GetElapsedTime(started));

        var fetch = new PollSnapshotFetch(client);
        var spot = await fetch.SpotAsync(cancellationToken).ConfigureAwait(false);
        var window = new ContractWindow(settings, session, spot, _calendar);
        var chain = await fetch.ChainAsync(window, settings.BatchSize, cancellationToken).ConfigureAwait(false);
        var (contracts, unreadable) = ContractDiscovery.Select(chain, window);

        var store = new PollStore(writer);
        var (rows, corrections) = PollRowBuilder.Build(pollTs, session, spot, contracts, store.PreviousPolls(session, pollTs));
        var write = store.Append(session, rows);
        return new PollResult(pollTs, session, null, spot, rows, corrections, chain.Count, unreadable, write, clock.GetElapsedTime(started));
    }

    private string WhyClosed(DateOnly date) =>
        _calendar.Holiday(date) is { IsClosed: true } holiday ? holiday.Name
        : date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? date.DayOfWeek.ToString()
        : "closed";
}
