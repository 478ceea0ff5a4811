using Spx.Research.Market;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// News has no stream: every <c>news_interval</c> the poller asks REST for the tickers' articles published since
/// the start of the session's day (to its end) and hands over those it has not seen. Each article is stored once however often
/// it is seen: ids seen today are remembered (today's only, so memory is bounded by one day's news), ids already
/// in the lake are loaded at start, and the lake's key skips any repeat that still gets through.
/// </summary>
public sealed class NewsPoller(
    PolygonRestClient client, IReadOnlyList<string> tickers, RecordingWindow window, StreamBuffer buffer,
    SourceActivity activity, TimeSpan interval, TimeProvider wall, TimeProvider clock, Action<string> log)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Articles handed over so far.</summary>
    public int Stored { get; private set; }

    /// <summary>Remembers ids already stored (from the lake), so a restart does not hand them over again.</summary>
    public void AlreadyStored(IEnumerable<string> ids) => _seen.UnionWith(ids);

    /// <summary>Polls now and then every interval until <paramref name="stop"/>; a failed poll is logged and retried at the next one.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        activity.Connection("polling");
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stop).ConfigureAwait(false);
            }
            catch (PolygonApiException e)
            {
                log($"warning: news: poll failed, next in {interval}: {e.Message}");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            try
            {
                await Task.Delay(interval, wall, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        activity.Connection("stopped");
    }

    /// <summary>One poll: every ticker's articles since the day began; returns how many were new.</summary>
    public async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var since = NewYorkTime.ToUtc(window.Session.Date, TimeOnly.MinValue);
        var dayEnd = NewYorkTime.ToUtc(window.Session.Date.AddDays(1), TimeOnly.MinValue).AddMilliseconds(-1);
        var fresh = 0;
        foreach (var ticker in tickers)
        {
            var query = new NewsQuery { Ticker = ticker, PublishedUtc = RangeFilter<DateTimeOffset>.Between(since, dayEnd), Order = SortOrder.Asc };
            await foreach (var article in client.News(query, ct).ConfigureAwait(false))
            {
                // An article without an id cannot be recognised again; it is handed over and quarantined by validation.
                if (article.Id is { } id && !_seen.Add(id)) continue;
                var now = clock.GetUtcNow();
                activity.Received(now, article.PublishedUtc ?? now, late: false);
                await buffer.AddAsync(new NewsRow(article, window.Session.Date), ct).ConfigureAwait(false);
                fresh++;
            }
        }
        Stored += fresh;
        return fresh;
    }
}
