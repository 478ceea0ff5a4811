using Spx.Research.Polygon.Clock;
using Spx.Research.Testing;

namespace Spx.Research.Tests.Clock;

/// <summary>
/// <see cref="ServerClock"/> against a server clock that answers in whole seconds, as <c>serverTime</c> does, on a
/// fake wall. (tests/Spx.Research.Cli.Tests/MonitorRunVerbTests.cs follows the real simulator over loopback.)
/// </summary>
public sealed class ServerClockTests
{
    private static readonly DateTimeOffset WallStart = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ServerStart = new(2025, 3, 3, 14, 40, 0, 250, TimeSpan.Zero);

    [Fact]
    public async Task It_measures_a_60x_clock_and_stays_within_its_one_second_resolution_after_resyncs()
    {
        var wall = new JumpingTime(WallStart);
        var server = new FakeServer(wall, ServerStart, rate: 60);
        var clock = await ServerClock.StartAsync(server.Read, new ServerClockOptions { ResyncEvery = null }, wall);

        Assert.InRange(clock.Rate, 59.4, 60.6);
        for (var minute = 0; minute < 10; minute++)
        {
            wall.Advance(TimeSpan.FromMinutes(1));
            await clock.SyncAsync();
        }

        Assert.InRange(clock.Rate, 59.94, 60.06); // re-measured over the whole run
        Assert.InRange((clock.GetUtcNow() - server.True).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task It_never_goes_back_when_the_server_is_set_back()
    {
        var wall = new JumpingTime(WallStart);
        var server = new FakeServer(wall, ServerStart, rate: 60);
        var clock = await ServerClock.StartAsync(server.Read, new ServerClockOptions { ResyncEvery = null }, wall);
        var before = clock.GetUtcNow();

        server.Shift(TimeSpan.FromMinutes(-10));
        await clock.SyncAsync();

        Assert.True(clock.GetUtcNow() >= before, "the clock went back");
        wall.Advance(TimeSpan.FromSeconds(20)); // 20 min of server time: past the old high-water mark
        Assert.InRange((clock.GetUtcNow() - server.True).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_delay_on_the_clock_is_the_wall_delay_divided_by_the_rate()
    {
        var wall = new JumpingTime(WallStart);
        var server = new FakeServer(wall, ServerStart, rate: 60);
        var clock = await ServerClock.StartAsync(server.Read, new ServerClockOptions { ResyncEvery = null }, wall);
        var wallBefore = wall.GetUtcNow();

        await Task.Delay(TimeSpan.FromMinutes(15), clock);

        var wallWaited = wall.GetUtcNow() - wallBefore;
        Assert.InRange(wallWaited, TimeSpan.FromSeconds(15 * 60 / 60.6), TimeSpan.FromSeconds(15 * 60 / 59.4));
    }

    [Fact]
    public async Task A_clock_that_stands_still_is_refused_with_the_time_it_shows()
    {
        var wall = new JumpingTime(WallStart);
        var server = new FakeServer(wall, ServerStart, rate: 0);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerClock.StartAsync(server.Read, wall: wall));

        Assert.StartsWith("The server clock stands still at 2025-03-03 14:40:00 +00:00", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A server whose clock runs at a rate on the fake wall and answers in whole seconds.</summary>
    private sealed class FakeServer(TimeProvider wall, DateTimeOffset start, double rate)
    {
        private readonly DateTimeOffset _wallStart = wall.GetUtcNow();
        private TimeSpan _shift;

        public DateTimeOffset True => start + _shift + TimeSpan.FromTicks((long)((wall.GetUtcNow() - _wallStart).Ticks * rate));

        public void Shift(TimeSpan by) => _shift += by;

        public Task<DateTimeOffset> Read(CancellationToken cancellationToken)
        {
            var now = True;
            return Task.FromResult(new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset));
        }
    }
}
