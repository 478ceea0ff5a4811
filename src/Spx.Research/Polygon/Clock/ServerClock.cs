using System.Globalization;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Clock;

/// <summary>
/// The one clock of the monitor that follows a server instead of the wall: a simulator replaying a past day at
/// 60× (<c>spx simulate serve --speed 60</c>) reports that day's time in <c>serverTime</c> of
/// <c>/v1/marketstatus/now</c>, and <c>spx monitor poll</c>, <c>run</c> and <c>dashboard</c> must all go by it
/// (<c>--server-clock</c>, docs/monitor-scheduling.md). <see cref="FollowAsync"/> follows it for a long run;
/// <see cref="ReadOnceAsync"/> reads it once for a single step. The clock is read at a tick of the server's
/// second (it sends whole seconds), read again at a later tick to measure its rate, and then extrapolated on
/// the wall clock; every <see cref="ServerClockOptions.ResyncEvery"/> a reading checks it, and one outside the
/// second it names re-anchors the clock and re-measures the rate over the whole run. Time never goes back:
/// a correction backwards holds the clock until it catches up. Timers (<c>Task.Delay(…, clock)</c>) run on
/// the wall clock, scaled by the rate; a scheduler re-checks the time after waking, so a rate corrected
/// meanwhile costs nothing.
/// </summary>
public sealed class ServerClock : TimeProvider, IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<DateTimeOffset>> _read;
    private readonly ServerClockOptions _options;
    private readonly TimeProvider _wall;
    private readonly ServerReading _first;
    private readonly Lock _gate = new();
    private ServerReading _anchor;
    private double _rate;
    private DateTimeOffset _lastGiven;
    private long _lastSyncWall;
    private int _syncing;
    private int _stopped;
    private Task _resync = Task.CompletedTask;

    private ServerClock(Func<CancellationToken, Task<DateTimeOffset>> read, ServerClockOptions options, TimeProvider wall, ServerReading first, ServerReading second, double rate)
    {
        _read = read;
        _options = options;
        _wall = wall;
        _first = first;
        _anchor = second;
        _rate = rate;
        _lastGiven = second.Server;
        _lastSyncWall = second.Wall;
    }

    /// <summary>Server seconds per wall second, as last measured (60 for a simulator at <c>--speed 60</c>; 1 when read once).</summary>
    public double Rate
    {
        get { lock (_gate) return _rate; }
    }

    /// <summary>Follows the clock of the Polygon API (or simulator) behind <paramref name="client"/>.</summary>
    public static Task<ServerClock> FollowAsync(PolygonRestClient client, ServerClockOptions? options = null, TimeProvider? wall = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return StartAsync(ct => ReadServerTimeAsync(client, ct), options, wall, cancellationToken);
    }

    private static async Task<DateTimeOffset> ReadServerTimeAsync(PolygonRestClient client, CancellationToken cancellationToken) =>
        (await client.MarketStatusNow(cancellationToken).ConfigureAwait(false)).ServerTime
            ?? throw new InvalidOperationException($"/v1/marketstatus/now at {client.Options.BaseUri} has no serverTime: cannot follow its clock.");

    /// <summary>
    /// Reads the server's time once and runs on from it at the wall clock's rate, without resyncs: for one step
    /// that reads the time at its start (a poll), in one request, so it fits any rate plan.
    /// </summary>
    /// <exception cref="InvalidOperationException">The market status has no <c>serverTime</c>.</exception>
    public static async Task<ServerClock> ReadOnceAsync(PolygonRestClient client, TimeProvider? wall = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        wall ??= System;
        var reading = await ServerClockReadings.OnceAsync(ct => ReadServerTimeAsync(client, ct), wall, cancellationToken).ConfigureAwait(false);
        var options = new ServerClockOptions { ResyncEvery = null };
        return new ServerClock(ct => ReadServerTimeAsync(client, ct), options, wall, reading, reading, rate: 1);
    }

    /// <summary>Reads the server clock at two ticks <see cref="ServerClockOptions.MeasureOver"/> apart and starts following it.</summary>
    /// <exception cref="InvalidOperationException">The server clock stands still or goes backwards.</exception>
    public static async Task<ServerClock> StartAsync(
        Func<CancellationToken, Task<DateTimeOffset>> readServerTime,
        ServerClockOptions? options = null,
        TimeProvider? wall = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readServerTime);
        options ??= new ServerClockOptions();
        wall ??= System;
        var first = await ServerClockReadings.AtTickAsync(readServerTime, options, wall, cancellationToken).ConfigureAwait(false);
        await Task.Delay(options.MeasureOver, wall, cancellationToken).ConfigureAwait(false);
        var second = await ServerClockReadings.AtTickAsync(readServerTime, options, wall, cancellationToken).ConfigureAwait(false);
        var rate = ServerClockReadings.RateBetween(first, second, wall);
        if (rate <= 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The server clock did not advance between {first.Server:O} and {second.Server:O}: cannot follow it."));
        return new ServerClock(readServerTime, options, wall, first, second, rate);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        var wallNow = _wall.GetTimestamp();
        DateTimeOffset now;
        lock (_gate)
        {
            now = Predict(wallNow);
            if (now < _lastGiven) now = _lastGiven;
            _lastGiven = now;
        }

        MaybeResync(wallNow);
        return now;
    }

    /// <summary>Server ticks, so elapsed times measured on this clock are server time too.</summary>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, _wall.CreateTimer(callback, state, ToWall(dueTime), ToWall(period)));

    /// <summary>Reads the server once and re-anchors if the reading disagrees with the clock by more than its one-second resolution.</summary>
    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var before = _wall.GetTimestamp();
        var server = await _read(cancellationToken).ConfigureAwait(false);
        var after = _wall.GetTimestamp();
        var middle = before + (after - before) / 2;
        lock (_gate)
        {
            var predicted = Predict(middle);
            var slack = TimeSpan.FromTicks((long)(_wall.GetElapsedTime(before, after).Ticks * _rate / 2));
            if (predicted >= server - slack && predicted < server + TimeSpan.FromSeconds(1) + slack) return;

            var reading = new ServerReading(middle, server + TimeSpan.FromMilliseconds(500));
            var rate = ServerClockReadings.RateBetween(_first, reading, _wall);
            var message = string.Create(CultureInfo.InvariantCulture,
                $"server clock: read {server:yyyy-MM-dd HH:mm:ss zzz} while following at {predicted:yyyy-MM-dd HH:mm:ss.f zzz}; re-anchored, rate {_rate:0.###} -> {rate:0.###}");
            _anchor = reading;
            if (rate > 0) _rate = rate;
            _options.OnNotice?.Invoke(message);
        }
    }

    private DateTimeOffset Predict(long wallTimestamp) =>
        _anchor.Server + TimeSpan.FromTicks((long)(_wall.GetElapsedTime(_anchor.Wall, wallTimestamp).Ticks * _rate));

    /// <summary>Starts a background resync when one is due; never blocks the caller and never runs two at once.</summary>
    private void MaybeResync(long wallNow)
    {
        if (_options.ResyncEvery is not { } every || Volatile.Read(ref _stopped) == 1) return;
        if (_wall.GetElapsedTime(Interlocked.Read(ref _lastSyncWall), wallNow) < every) return;
        if (Interlocked.Exchange(ref _syncing, 1) == 1) return;
        Interlocked.Exchange(ref _lastSyncWall, wallNow);
        _resync = Task.Run(async () =>
        {
            try
            {
                await SyncAsync().ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                _options.OnNotice?.Invoke($"server clock: resync failed ({failure.GetType().Name}: {failure.Message}); keeping rate {Rate:0.###}");
            }
            finally
            {
                Interlocked.Exchange(ref _syncing, 0);
            }
        });
    }

    /// <summary>Stops resyncing and waits for one in flight, so none outlives the client it reads through.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _stopped, 1);
        await _resync.ConfigureAwait(false);
    }

    /// <summary>The wall time that <paramref name="server"/> of server time takes at the current rate.</summary>
    internal TimeSpan ToWall(TimeSpan server)
    {
        if (server == Timeout.InfiniteTimeSpan) return server;
        var rate = Rate;
        return TimeSpan.FromTicks((long)Math.Ceiling(server.Ticks / rate));
    }
}
