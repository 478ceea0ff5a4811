using Spx.Research.Ingest.Streaming;
using Spx.Research.Lake;
using static Spx.Research.Streaming.Tests.Ingest.RecordingFixture;

namespace Spx.Research.Streaming.Tests.Ingest;

/// <summary>News polled over REST from the simulator: each article of the day is stored once however often it is seen, across polls and restarts.</summary>
public sealed class NewsPollingTests
{
    [Fact]
    public async Task Each_article_is_stored_once_across_polls_and_a_restart()
    {
        await using var run = await StartAsync(At(3, 10, 0), TimeSpan.FromMinutes(5));
        using var rest = run.Rest();
        var window = RecordingWindow.At(At(3, 10, 0), Market.NyseCalendar.Default, null, outsideHours: false, TimeSpan.FromHours(5.5));
        using var writer = new LakeWriter(new LakeLayout(run.Lake), DatasetRegistry.Default);
        var sink = new StreamLakeSink(writer);

        var first = await PollAndWrite(rest, window, sink, alreadyStored: []);
        var again = await PollAndWrite(rest, window, sink, alreadyStored: []);
        var stored = StoredIds(run.Lake);
        var restarted = await PollAndWrite(rest, window, sink, alreadyStored: stored);

        var expected = ExpectedIds();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, stored.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, first.Handed);
        Assert.Equal(0, again.Stored);                 // handed over again by a fresh poller, skipped by the lake's key
        Assert.Equal(expected.Count, again.Handed);
        Assert.Equal(0, restarted.Handed);             // a restart knows the day's ids from the lake
        Assert.Equal(expected, StoredIds(run.Lake).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_poller_hands_each_article_over_once_however_often_it_polls()
    {
        await using var run = await StartAsync(At(3, 10, 0), TimeSpan.FromMinutes(5));
        using var rest = run.Rest();
        var window = RecordingWindow.At(At(3, 10, 0), Market.NyseCalendar.Default, null, outsideHours: false, TimeSpan.FromHours(5.5));
        var buffer = new StreamBuffer(10_000);
        var poller = new NewsPoller(rest, ["SPY"], window, buffer, new SourceActivity(StreamSource.News), TimeSpan.FromMinutes(5), TimeProvider.System, TimeProvider.System, _ => { });

        var counts = new[] { await poller.PollOnceAsync(default), await poller.PollOnceAsync(default), await poller.PollOnceAsync(default) };

        Assert.Equal([ExpectedIds().Count, 0, 0], counts);
        Assert.Equal(ExpectedIds().Count, buffer.Count);
    }

    private static async Task<(int Handed, long Stored)> PollAndWrite(Polygon.Rest.PolygonRestClient rest, RecordingWindow window, StreamLakeSink sink, IReadOnlyList<string> alreadyStored)
    {
        var buffer = new StreamBuffer(10_000);
        var poller = new NewsPoller(rest, ["SPY"], window, buffer, new SourceActivity(StreamSource.News), TimeSpan.FromMinutes(5), TimeProvider.System, TimeProvider.System, _ => { });
        poller.AlreadyStored(alreadyStored);
        var handed = await poller.PollOnceAsync(default);
        var rows = new List<BufferedRow>();
        while (buffer.Reader.TryRead(out var row)) rows.Add(row);
        return (handed, sink.Write(rows).Sum(r => r.NewRows));
    }

    /// <summary>The sample lake's SPY articles published on 2025-03-03 (New York date), by id.</summary>
    private static List<string> ExpectedIds()
    {
        using var session = LakeSession.Open(SampleLake);
        return session.Query("SELECT id FROM news WHERE date = DATE '2025-03-03' AND list_contains(tickers, 'SPY') ORDER BY id", r =>
        {
            var ids = new List<string>();
            while (r.Read()) ids.Add(r.GetString(0));
            return ids;
        }).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> StoredIds(string lake)
    {
        using var session = LakeSession.Open(lake);
        return session.Query("SELECT id FROM news", r =>
        {
            var ids = new List<string>();
            while (r.Read()) ids.Add(r.GetString(0));
            return ids;
        });
    }
}
