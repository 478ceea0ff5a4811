using Spx.Research.Market;

namespace Spx.Research.Ingest.Streaming;

/// <summary>
/// Every <c>heartbeat_interval</c> writes one JSON file per source into <c>LAKE/_state/stream/</c> (atomically:
/// a reader sees the old file or the new one) and warns, once per silence, about a source that has received
/// nothing for <c>silence_warning</c>. Runs on the wall clock, so a test drives it in fake time.
/// </summary>
public sealed class HeartbeatMonitor(
    string lakeRoot, RecordingWindow window, IReadOnlyList<SourceActivity> sources, Func<int> buffered,
    TimeSpan interval, TimeSpan silence, TimeProvider wall, Action<string> log)
{
    private readonly Dictionary<string, DateTimeOffset> _warnedFor = [];
    private readonly DateTimeOffset _started = wall.GetUtcNow();
    private DateTimeOffset _lastBeat = wall.GetUtcNow();

    /// <summary>Beats every interval until <paramref name="stop"/>, then once more.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, wall, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Beat();
        }
        Beat();
    }

    /// <summary>Writes every source's file now and checks for silence.</summary>
    public void Beat()
    {
        var now = wall.GetUtcNow();
        var memory = MemoryReading.Now();
        var seconds = Math.Round((now - _lastBeat).TotalSeconds, 3);
        foreach (var activity in sources)
        {
            var s = activity.Snapshot(endWindow: true);
            var beat = new Heartbeat(s.Source, window.Session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), now, seconds,
                s.MessagesInWindow, s.TotalToday, s.Late, s.RowsWritten, s.LastMessage, s.LastEvent, s.Connection, buffered(), memory);
            AtomicText.Write(StreamState.HeartbeatFile(lakeRoot, activity.Source), beat.ToJson());
            WarnIfSilent(activity, s, now);
        }
        _lastBeat = now;
    }

    /// <summary>
    /// Silent: nothing received for <c>silence_warning</c> on the wall clock (from the start for a source that never
    /// spoke), judged at each heartbeat. One warning per silence; the next message ends it.
    /// </summary>
    private void WarnIfSilent(SourceActivity activity, SourceSnapshot s, DateTimeOffset now)
    {
        var since = activity.LastMessageWall ?? _started;
        if (_warnedFor.TryGetValue(s.Source, out var warned) && warned == since) return;
        if (now - since < silence) return;
        _warnedFor[s.Source] = since;
        log($"warning: {s.Source}: no messages for {Duration(now - since)} (connection: {s.Connection}; last message {Local(s.LastMessage)})");
    }

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#}h" : $"{span.TotalMinutes:0}m";

    private static string Local(DateTimeOffset? instant) =>
        instant is { } t ? NewYorkTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " New York time" : "never";
}
