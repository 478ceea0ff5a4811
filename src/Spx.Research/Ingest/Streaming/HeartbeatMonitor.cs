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
    private readonly Dictionary<string, Quiet> _quiet = [];
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
            WarnIfSilent(s, now);
        }
        _lastBeat = now;
    }

    /// <summary>
    /// Silent: the source's count has not moved since <c>silence_warning</c> ago (from the start for a source
    /// that never spoke), judged at each heartbeat on the wall clock. One warning per silence; a message ends it.
    /// </summary>
    private void WarnIfSilent(SourceSnapshot s, DateTimeOffset now)
    {
        if (!_quiet.TryGetValue(s.Source, out var quiet) || quiet.Count != s.TotalToday)
        {
            quiet = new Quiet(s.TotalToday, quiet is null && s.TotalToday == 0 ? _started : now, Warned: false);
            _quiet[s.Source] = quiet;
        }
        if (quiet.Warned || now - quiet.Since < silence) return;
        _quiet[s.Source] = quiet with { Warned = true };
        log($"warning: {s.Source}: no messages for {Duration(now - quiet.Since)} (connection: {s.Connection}; last message {Local(s.LastMessage)})");
    }

    private sealed record Quiet(long Count, DateTimeOffset Since, bool Warned);

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#}h" : $"{span.TotalMinutes:0}m";

    private static string Local(DateTimeOffset? instant) =>
        instant is { } t ? NewYorkTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " New York time" : "never";
}
