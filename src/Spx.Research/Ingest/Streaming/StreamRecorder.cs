using Spx.Research.Ingest.Quality;
using Spx.Research.Lake;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// <c>spx ingest stream</c>: records the configured aggregates of one session into the lake (docs/streaming.md).
/// One <see cref="ConnectionReader"/> per planned connection and a <see cref="NewsPoller"/> fill a bounded
/// <see cref="StreamBuffer"/>; one <see cref="StreamFlusher"/> writes it as atomic appends and saves the checkpoint;
/// a <see cref="HeartbeatMonitor"/> writes the heartbeat files. It ends at the stop time (in event time, or on the
/// market clock plus the drain), when <c>stop</c> fires (SIGINT/SIGTERM), or when a connection fails for good —
/// always after writing every event received and a final checkpoint.
/// </summary>
public sealed class StreamRecorder(StreamRecorderOptions options)
{
    private readonly EventClock _events = new();

    /// <summary>Records until the stop time or <paramref name="stop"/>; throws after the final flush when a connection failed.</summary>
    /// <exception cref="StreamPlanException">Outside the session, or more topics than the connections allow.</exception>
    public async Task<StreamSummary> RunAsync(CancellationToken stop)
    {
        var settings = options.Settings;
        var window = RecordingWindow.At(options.Clock.GetUtcNow(), options.Calendar, options.Until, options.OutsideHours, settings.LateGrace);
        var plan = ConnectionPlan.Split(ConnectionPlan.Topics(settings, options.Tickers, options.Contracts), settings.MaxSubscriptionsPerConnection, settings.MaxConnectionsPerCluster);
        var activity = StreamSource.All.ToDictionary(s => s, s => new SourceActivity(s, options.Wall));
        Resume(window, activity);
        options.Log($"streaming the session of {window.Session.Date:yyyy-MM-dd} until {Market.NewYorkTime.ToLocal(window.Until):HH:mm} New York time: " +
                    string.Join(", ", plan.Select(p => $"{p.Name} {p.Topics.Count} topics")) + (options.NewsClient is null ? "" : $", news every {settings.NewsInterval}"));

        // The bar rules quarantine an impossible bar with its reason (docs/data-quality.md); the count is in the summary.
        using var writer = new LakeWriter(new LakeLayout(options.LakeRoot), DatasetRegistry.Default, new BarChecks(options.Calendar, HoursWithLate()).Apply());
        var buffer = new StreamBuffer(settings.FlushEvents);
        var flusher = new StreamFlusher(buffer, new StreamLakeSink(writer), activity, () => Checkpoint(window, activity, stopped: false),
            TimeSpan.FromSeconds(settings.FlushSeconds), settings.FlushEvents, options.Wall, options.Metrics);
        var flushing = Task.Run(flusher.RunAsync, CancellationToken.None);
        _ = flushing.ContinueWith(t => buffer.Fail(t.Exception!.InnerException!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        var heartbeat = new HeartbeatMonitor(options.LakeRoot, window, [.. activity.Values], () => buffer.Count,
            settings.HeartbeatInterval, settings.SilenceWarning, options.Wall, options.Log);
        using var beating = new CancellationTokenSource();
        var beats = heartbeat.RunAsync(beating.Token);

        Exception? failure = null;
        using (var reading = CancellationTokenSource.CreateLinkedTokenSource(stop))
        {
            var news = NewsAsync(window, buffer, activity[StreamSource.News], reading.Token);
            failure = await ReadAllAsync(plan, window, buffer, activity, reading).ConfigureAwait(false);
            await news.ConfigureAwait(false);
        }
        buffer.Complete();
        await flushing.ConfigureAwait(false);
        Compact(writer, flusher.Written);
        await beating.CancelAsync().ConfigureAwait(false);
        await beats.ConfigureAwait(false);
        Checkpoint(window, activity, stopped: true);
        if (failure is not null) throw failure;
        return new StreamSummary(window.Session.Date, plan, flusher.Flushes, [.. activity.Values.Select(a => a.Snapshot())]);
    }

    /// <summary>Runs every reader; the first failure stops the others and is returned (their events are kept).</summary>
    private async Task<Exception?> ReadAllAsync(IReadOnlyList<PlannedConnection> plan, RecordingWindow window, StreamBuffer buffer,
        IReadOnlyDictionary<StreamSource, SourceActivity> activity, CancellationTokenSource reading)
    {
        var client = new PolygonStreamOptions { ApiKey = options.ApiKey, BaseUri = options.StreamBase, Reconnect = options.Reconnect, TimeProvider = options.Wall };
        var readers = plan.Select(p => new Reader(
            new ConnectionReader(p, client, buffer, activity, window, options.Settings.CloseDrain, options.Clock, _events, options.Wall, options.Log),
            CancellationTokenSource.CreateLinkedTokenSource(reading.Token))).ToList();
        var running = readers.Select(r => Task.Run(async () =>
        {
            try
            {
                await r.Connection.RunAsync(r.Stop.Token).ConfigureAwait(false);
            }
            catch
            {
                await reading.CancelAsync().ConfigureAwait(false);
                throw;
            }
        })).ToList();
        var deadline = WatchDeadlineAsync(window, readers, reading);
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
            return null;
        }
        catch (Exception)
        {
            var error = running.First(r => r.IsFaulted).Exception!.InnerException!;
            options.Log($"error: {error.Message}");
            return error;
        }
        finally
        {
            await reading.CancelAsync().ConfigureAwait(false);
            await deadline.ConfigureAwait(false);
            foreach (var r in readers) r.Stop.Dispose();
        }
    }

    private sealed record Reader(ConnectionReader Connection, CancellationTokenSource Stop);

    /// <summary>
    /// Checked every second of wall time: once the market clock passes the stop time plus the drain, every reader
    /// stops; once only the event clock has (a fast replay), a reader stops when it has been quiet for
    /// <see cref="QuietAfterStop"/> — a connection still receiving data is never cut off.
    /// </summary>
    private async Task WatchDeadlineAsync(RecordingWindow window, IReadOnlyList<Reader> readers, CancellationTokenSource reading)
    {
        var end = window.Until + options.Settings.CloseDrain;
        try
        {
            while (options.Clock.GetUtcNow() < end)
            {
                if (_events.Now >= end)
                    foreach (var r in readers.Where(r => !r.Connection.Finished && !r.Stop.IsCancellationRequested && r.Connection.Quiet >= QuietAfterStop))
                    {
                        options.Log($"{r.Connection.Plan.Name}: quiet while the other connections' data passed the stop time; stopping it");
                        await r.Stop.CancelAsync().ConfigureAwait(false);
                    }
                await Task.Delay(TimeSpan.FromSeconds(1), options.Wall, reading.Token).ConfigureAwait(false);
            }
            options.Log($"stop time {Market.NewYorkTime.ToLocal(window.Until):HH:mm} New York time plus {options.Settings.CloseDrain} reached");
            await reading.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the readers finishing or by a signal.
        }
    }

    /// <summary>How long a connection may be quiet, once the data of others has passed the stop time, before it is stopped.</summary>
    public static readonly TimeSpan QuietAfterStop = TimeSpan.FromSeconds(5);

    private Task NewsAsync(RecordingWindow window, StreamBuffer buffer, SourceActivity activity, CancellationToken stop)
    {
        if (options.NewsClient is not { } client) return Task.CompletedTask;
        var poller = new NewsPoller(client, options.Tickers, window, buffer, activity, options.Settings.NewsInterval, options.Wall, options.Clock, options.Log);
        poller.AlreadyStored(StoredNewsIds(window.Session.Date));
        return Task.Run(() => poller.RunAsync(stop), CancellationToken.None);
    }

    /// <summary>Ids of the day's news already in the lake, so a restarted stream does not hand them over again.</summary>
    private IReadOnlyList<string> StoredNewsIds(DateOnly date)
    {
        var partition = new LakeLayout(options.LakeRoot).PartitionDirectory(StreamSource.News.Dataset, date);
        var files = Directory.Exists(partition) ? Directory.GetFiles(partition, "*.parquet") : [];
        if (files.Length == 0) return [];
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var reader = connection.ExecuteReader($"SELECT id FROM read_parquet({SqlText.FileList(files)})");
        var ids = new List<string>();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>
    /// One file per partition at the stop: each flush appended a small file (one every <c>flush_seconds</c>), which
    /// readers would otherwise open one by one. The flusher has ended, so the writer is free.
    /// </summary>
    private void Compact(LakeWriter writer, IReadOnlyCollection<(string Dataset, DateOnly Date)> written)
    {
        foreach (var (dataset, date) in written.OrderBy(w => w.Dataset, StringComparer.Ordinal).ThenBy(w => w.Date))
            writer.CompactPartition(dataset, date);
    }

    /// <summary>The bar rules' hours, with each <c>_late</c> dataset allowed its source dataset's hours.</summary>
    private static Dictionary<string, BarHours> HoursWithLate()
    {
        var hours = new Dictionary<string, BarHours>(BarChecks.DefaultHours, StringComparer.Ordinal);
        foreach (var (dataset, allowed) in BarChecks.DefaultHours) hours[dataset + StreamDatasets.LateSuffix] = allowed;
        return hours;
    }

    private void Resume(RecordingWindow window, Dictionary<StreamSource, SourceActivity> activity)
    {
        if (StreamCheckpoint.Load(options.LakeRoot, window.Session.Date, options.Log) is not { } checkpoint) return;
        foreach (var saved in checkpoint.Sources)
            if (activity.FirstOrDefault(a => a.Key.Dataset == saved.Source).Value is { } a) a.Resume(saved.TotalToday, saved.Late, saved.RowsWritten, saved.Quarantined);
        options.Log($"continuing the counts of the checkpoint saved {checkpoint.SavedAt:yyyy-MM-ddTHH:mm:ssZ}");
    }

    private void Checkpoint(RecordingWindow window, IReadOnlyDictionary<StreamSource, SourceActivity> activity, bool stopped) =>
        new StreamCheckpoint(window.Session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), options.Wall.GetUtcNow(), stopped,
            [.. activity.Values.Select(a => a.Snapshot())]).Save(options.LakeRoot);
}
