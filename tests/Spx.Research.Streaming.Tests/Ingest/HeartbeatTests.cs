using Microsoft.Extensions.Time.Testing;
using Spx.Research.Ingest.Streaming;
using Spx.Research.Market;

namespace Spx.Research.Streaming.Tests.Ingest;

/// <summary>The heartbeat files and the silence warning, in fake time.</summary>
public sealed class HeartbeatTests : IDisposable
{
    private readonly string _lake = Directory.CreateTempSubdirectory("spx-heartbeat-").FullName;
    private readonly FakeTimeProvider _wall = new(RecordingFixture.At(3, 9, 30));
    private readonly List<string> _log = [];
    private readonly SourceActivity _seconds;
    private readonly SourceActivity _options;

    public HeartbeatTests()
    {
        _seconds = new SourceActivity(StreamSource.StockSeconds, _wall);
        _options = new SourceActivity(StreamSource.OptionMinutes, _wall);
    }

    public void Dispose() => Directory.Delete(_lake, recursive: true);

    private HeartbeatMonitor Monitor() => new(
        _lake, RecordingWindow.At(RecordingFixture.At(3, 9, 30), NyseCalendar.Default, null, false, TimeSpan.FromHours(5.5)),
        [_seconds, _options], () => 7, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), _wall, _log.Add);

    private Heartbeat Read(StreamSource source) =>
        Heartbeat.Parse(File.ReadAllText(StreamState.HeartbeatFile(_lake, source))) ?? throw new InvalidDataException("empty heartbeat");

    [Fact]
    public void Each_beat_writes_one_file_per_source_with_the_window_and_the_day()
    {
        var monitor = Monitor();
        _seconds.Connection("connected");
        for (var i = 0; i < 300; i++) _seconds.Received(_wall.GetUtcNow(), RecordingFixture.At(3, 9, 30).AddSeconds(i), late: i < 10);
        _seconds.Wrote(290);
        _wall.Advance(TimeSpan.FromMinutes(5));
        monitor.Beat();
        for (var i = 0; i < 60; i++) _seconds.Received(_wall.GetUtcNow(), RecordingFixture.At(3, 9, 35).AddSeconds(i), late: false);
        _wall.Advance(TimeSpan.FromMinutes(5));
        monitor.Beat();

        var beat = Read(StreamSource.StockSeconds);
        Assert.Equal(("stock_bars_1s", "2025-03-03", RecordingFixture.At(3, 9, 40)), (beat.Source, beat.Session, beat.WrittenAt));
        Assert.Equal((300.0, 60L, 360L, 10L, 290L), (beat.WindowSeconds, beat.MessagesInWindow, beat.TotalToday, beat.Late, beat.RowsWritten));
        Assert.Equal(("connected", 7), (beat.Connection, beat.Buffered));
        Assert.True(beat.Memory.WorkingSetMiB > 0 && beat.Memory.PeakWorkingSetMiB >= beat.Memory.WorkingSetMiB);
        var json = File.ReadAllText(StreamState.HeartbeatFile(_lake, StreamSource.StockSeconds));
        foreach (var field in new[] { "\"heartbeat\":", "\"messages_in_window\":", "\"total_today\":", "\"connection\":", "\"memory\":", "\"last_message\":" })
            Assert.Contains(field, json);
        Assert.Equal(0, Read(StreamSource.OptionMinutes).TotalToday);
        Assert.Empty(Directory.GetFiles(StreamState.Folder(_lake), "*.tmp"));
    }

    [Fact]
    public void A_source_silent_for_15_minutes_is_warned_about_once_and_again_after_it_spoke()
    {
        var monitor = Monitor();
        _seconds.Received(_wall.GetUtcNow(), RecordingFixture.At(3, 9, 30), late: false);
        for (var beat = 0; beat < 2; beat++)
        {
            _wall.Advance(TimeSpan.FromMinutes(5));
            monitor.Beat();
        }
        Assert.Empty(_log);

        _wall.Advance(TimeSpan.FromMinutes(5));
        monitor.Beat(); // 15 minutes: both sources silent (options never spoke)
        Assert.Equal(2, _log.Count);
        Assert.StartsWith("warning: stock_bars_1s: no messages for 15m", _log[0]);
        Assert.StartsWith("warning: option_bars_1m: no messages for 15m (connection: not connected; last message never)", _log[1]);

        _wall.Advance(TimeSpan.FromMinutes(5));
        monitor.Beat();
        Assert.Equal(2, _log.Count); // once per silence

        _seconds.Received(_wall.GetUtcNow(), RecordingFixture.At(3, 9, 50), late: false);
        _wall.Advance(TimeSpan.FromMinutes(5));
        monitor.Beat(); // it spoke: the silence is over
        for (var beat = 0; beat < 3; beat++)
        {
            _wall.Advance(TimeSpan.FromMinutes(5));
            monitor.Beat();
        }
        Assert.Equal(3, _log.Count);
        Assert.StartsWith("warning: stock_bars_1s: no messages for 15m", _log[2]);
    }

    [Fact]
    public async Task The_loop_beats_every_interval_of_the_wall_clock_and_once_more_when_stopped()
    {
        var monitor = Monitor();
        using var stop = new CancellationTokenSource();
        var loop = monitor.RunAsync(stop.Token);
        var file = StreamState.HeartbeatFile(_lake, StreamSource.StockSeconds);
        Assert.False(File.Exists(file));
        _wall.Advance(TimeSpan.FromMinutes(5));
        SpinWait.SpinUntil(() => File.Exists(file), TimeSpan.FromSeconds(30));
        Assert.Equal(RecordingFixture.At(3, 9, 35), Read(StreamSource.StockSeconds).WrittenAt);
        _wall.Advance(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        await loop;
        Assert.Equal(RecordingFixture.At(3, 9, 36), Read(StreamSource.StockSeconds).WrittenAt);
    }
}
