using System.Threading.Channels;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// Writes the synthetic market into a lake with the same datasets, schemas and partitions that real
/// ingestion writes, one session at a time, replacing each partition it touches (so re-running a range
/// is idempotent and never duplicates rows). With a second writer (its own DuckDB connection) the large
/// feeds and the small ones are written side by side.
/// </summary>
public sealed class SyntheticLakeWriter(LakeWriter writer, LakeWriter? second = null)
{
    /// <summary>
    /// The datasets <see cref="Write"/> publishes for every session — each one, even with no rows (an empty
    /// partition). Each is published on its own, so a killed run can leave a session in some and not others:
    /// <see cref="LakeCheck"/> finds that through this group, and a re-run replaces them all.
    /// </summary>
    public static DatasetGroup Group { get; } = new("spx generate", [
        FoundationDatasets.StockBars1s.Name, FoundationDatasets.OptionBars1m.Name, FoundationDatasets.ChainSnapshots.Name,
        FoundationDatasets.IndexBars1m.Name, FoundationDatasets.StockBars1m.Name, FoundationDatasets.OptionContracts.Name,
        FoundationDatasets.News.Name, FoundationDatasets.Labels.Name,
    ]);

    /// <summary>
    /// Generates <paramref name="from"/>–<paramref name="to"/> and writes every session; returns the rows written.
    /// Generating the next session overlaps writing the current one (a two-stage pipeline), which roughly
    /// halves the wall time on two cores; sessions are still written in date order.
    /// </summary>
    /// <remarks>
    /// <paramref name="progress"/> is called on the writing thread right after each session's partitions are
    /// published, before the next session is written: a reader told about a session can serve it at once
    /// (the simulator serves a range while it is still being generated this way), and a slow callback holds the writer.
    /// <paramref name="cancellationToken"/> is checked between sessions; cancelling never changes what was already written.
    /// </remarks>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the last session.</exception>
    public static long Generate(
        SyntheticMarket market, DateOnly from, DateOnly to, string lakeRoot, IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        // Two single-threaded writers beside the generator: per-partition work is mostly fixed cost
        // (staging, validation, COPY, publish) that one DuckDB thread does as fast as several.
        using var large = OpenWriter(lakeRoot);
        using var small = OpenWriter(lakeRoot);
        var sink = new SyntheticLakeWriter(large, small);
        var total = market.Sessions(from, to).Count;
        var sessions = market.Generate(from, to); // validates the range before anything starts
        var queue = Channel.CreateBounded<SessionData>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var session in sessions)
                {
                    await queue.Writer.WriteAsync(session, cancel.Token).ConfigureAwait(false);
                }
                queue.Writer.Complete();
            }
            catch (Exception failure)
            {
                queue.Writer.Complete(failure);
            }
        });

        long rows = 0;
        var done = 0;
        try
        {
            while (queue.Reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (queue.Reader.TryRead(out var session))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rows += sink.Write(session, market.Options.Seed);
                    progress?.Report(new GenerationProgress(++done, total, session.Date, rows));
                }
            }
        }
        finally
        {
            cancel.Cancel(); // a failed write stops the generator
            producer.Wait();
        }

        return rows;
    }

    /// <summary>Writes one session's partitions; returns the rows written.</summary>
    public long Write(SessionData data, long seed)
    {
        if (second is null) return WriteLarge(writer, data) + WriteSmall(writer, data, seed);
        long large = 0, small = 0;
        Parallel.Invoke(() => large = WriteLarge(writer, data), () => small = WriteSmall(second, data, seed));
        return large + small;
    }

    private static LakeWriter OpenWriter(string lakeRoot)
    {
        var lakeWriter = new LakeWriter(new LakeLayout(lakeRoot), DatasetRegistry.Default);
        lakeWriter.Connection.ExecuteNonQuery("SET threads = 1");
        return lakeWriter;
    }

    /// <summary>SPY seconds, option minute bars and chain snapshots: most of the rows.</summary>
    private static long WriteLarge(LakeWriter writer, SessionData data)
    {
        var date = data.Date;
        long rows = 0;
        // Every dataset of the group gets a partition each session, empty or not, so a missing one always
        // means an interrupted run (see Group).
        rows += Replace(writer, FoundationDatasets.StockBars1s, date, data.SpySecondBars, AppendStockBar);

        rows += Replace(writer, FoundationDatasets.OptionBars1m, date, data.OptionBars, (a, b) =>
            AppendTerms(a.AppendValue(b.Contract.Ticker), b.Contract)
                .AppendValue(b.Start).AppendValue(b.Open).AppendValue(b.High).AppendValue(b.Low).AppendValue(b.Close)
                .AppendValue(b.Volume).AppendValue(b.Vwap).AppendValue(b.Trades));
        rows += Replace(writer, FoundationDatasets.ChainSnapshots, date, data.Snapshots, AppendSnapshot);

        return rows;
    }

    /// <summary>Index and SPY minute bars, the contract list, news and labels.</summary>
    private static long WriteSmall(LakeWriter writer, SessionData data, long seed)
    {
        var date = data.Date;
        long rows = 0;
        rows += Replace(writer, FoundationDatasets.IndexBars1m, date, data.IndexMinuteBars, (a, b) =>
            a.AppendValue(b.Ticker).AppendValue(b.Start).AppendValue(b.Open).AppendValue(b.High).AppendValue(b.Low).AppendValue(b.Close));
        rows += Replace(writer, FoundationDatasets.StockBars1m, date, data.SpyMinuteBars, AppendStockBar);
        rows += Replace(writer, FoundationDatasets.OptionContracts, date, data.Contracts, (a, c) =>
            AppendTerms(a.AppendValue(c.Ticker), c)
                .AppendValue(c.Underlying == "SPY" ? "american" : "european")
                .AppendValue(100L)
                .AppendValue(c.Underlying == "SPY" ? "BATO" : "XCBO")
                .AppendValue(c.Right == OptionRight.Call ? "OCEXXX" : "OPEXXX"));
        rows += WriteNews(writer, date, data.News);
        rows += WriteLabels(writer, date, data.Labels, seed);
        return rows;
    }

    private static long Replace<T>(LakeWriter writer, DatasetSchema schema, DateOnly date, IReadOnlyList<T> items, Action<LakeAppenderRow, T> append)
    {
        var source = LakeSource.FromAppender(appender =>
        {
            foreach (var item in items)
            {
                var row = appender.CreateRow();
                append(row, item);
                row.EndRow();
            }
        });
        return writer.ReplacePartition(schema.Name, date, source).Rows;
    }

    private static void AppendStockBar(LakeAppenderRow a, StockBar b) =>
        a.AppendValue(b.Ticker).AppendValue(b.Start).AppendValue(b.Open).AppendValue(b.High).AppendValue(b.Low).AppendValue(b.Close)
            .AppendValue(b.Volume).AppendValue(b.Vwap).AppendValue(b.Trades);

    private static LakeAppenderRow AppendTerms(LakeAppenderRow a, ListedOption c) =>
        a.AppendValue(c.Underlying).AppendValue(c.Expiry).AppendValue(c.Right == OptionRight.Call ? "C" : "P").AppendValue(c.Strike);

    private static void AppendSnapshot(LakeAppenderRow a, ChainSnapshot s)
    {
        AppendTerms(a.AppendValue(s.SnapshotTs).AppendValue(s.Contract.Ticker), s.Contract)
            .AppendValue(s.DayVolume).AppendValue(s.VolumeDelta).AppendValue(s.OpenInterest);
        a.AppendValue(s.ImpliedVol);
        a.AppendValue(s.Delta);
        a.AppendValue(s.Gamma);
        a.AppendValue(s.ThetaPerDay);
        a.AppendValue(s.VegaPerPoint);
        a.AppendValue(s.UnderlyingPrice).AppendValue(s.Bid).AppendValue(s.Ask).AppendValue(s.BidSize).AppendValue(s.AskSize);
        a.AppendValue(s.LastPrice);
        a.AppendValue(s.DayVwap);
        a.AppendValue(s.DayClose);
    }

    private static long WriteNews(LakeWriter writer, DateOnly date, IReadOnlyList<NewsItem> news) =>
        Replace(writer, FoundationDatasets.News, date, news, (a, n) =>
            a.AppendValue(n.Id).AppendValue(n.PublishedUtc).AppendValue(n.Tickers).AppendValue(n.Title)
                .AppendValue(n.Description).AppendValue(n.ArticleUrl).AppendValue(n.Publisher).AppendValue(n.Author)
                .AppendValue(n.Keywords).AppendValue(n.Sentiment).AppendValue(n.SentimentReasoning));

    private static long WriteLabels(LakeWriter writer, DateOnly date, IReadOnlyList<Label> labels, long seed) =>
        Replace(writer, FoundationDatasets.Labels, date, labels, (a, l) =>
            a.AppendValue(l.Id).AppendValue(l.Kind).AppendValue(l.Ticker).AppendValue(l.Start).AppendValue(l.End)
                .AppendValue(l.Contracts).AppendValue(l.Size).AppendValue(l.Outcome).AppendValue(l.Note)
                .AppendValue($"synthetic:seed={seed}"));
}
