using System.Globalization;

namespace Spx.Research.Polygon.Clock;

/// <summary>A server instant and the wall timestamp it was true at.</summary>
internal readonly record struct ServerReading(long Wall, DateTimeOffset Server);

/// <summary>
/// How <see cref="ServerClock"/> reads a clock that answers in whole seconds (<c>serverTime</c>): a reading is
/// exact only at the moment the second ticks over, so it reads until it sees a tick.
/// </summary>
internal static class ServerClockReadings
{
    /// <summary>
    /// Reads until the server's whole second changes: at that moment the reading is exact. The tick is placed
    /// between the two readings that saw it; a jump of several seconds (a fast clock) is taken as mid-second.
    /// </summary>
    public static async Task<ServerReading> AtTickAsync(Func<CancellationToken, Task<DateTimeOffset>> read, ServerClockOptions options, TimeProvider wall, CancellationToken cancellationToken)
    {
        var start = wall.GetTimestamp();
        var (previousWall, previous) = await OnceAsync(read, wall, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (wall.GetElapsedTime(start) > options.TickTimeout)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The server clock stands still at {previous:yyyy-MM-dd HH:mm:ss zzz} (no tick in {options.TickTimeout.TotalSeconds:0.#} s; a simulator at --speed max?): cannot follow it."));
            await Task.Delay(options.TickPoll, wall, cancellationToken).ConfigureAwait(false);
            var (readWall, server) = await OnceAsync(read, wall, cancellationToken).ConfigureAwait(false);
            if (server < previous)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The server clock went back from {previous:O} to {server:O}: cannot follow it."));
            if (server == previous)
            {
                previousWall = readWall;
                continue;
            }

            return server - previous == TimeSpan.FromSeconds(1)
                ? new ServerReading(previousWall + (readWall - previousWall) / 2, server)
                : new ServerReading(readWall, server + TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>One reading, placed at the middle of its round trip.</summary>
    public static async Task<ServerReading> OnceAsync(Func<CancellationToken, Task<DateTimeOffset>> read, TimeProvider wall, CancellationToken cancellationToken)
    {
        var before = wall.GetTimestamp();
        var server = await read(cancellationToken).ConfigureAwait(false);
        var after = wall.GetTimestamp();
        return new ServerReading(before + (after - before) / 2, server);
    }

    /// <summary>Server seconds per wall second between two readings; 0 when no wall time passed.</summary>
    public static double RateBetween(ServerReading from, ServerReading to, TimeProvider wall)
    {
        var elapsed = wall.GetElapsedTime(from.Wall, to.Wall);
        return elapsed > TimeSpan.Zero ? (to.Server - from.Server).Ticks / (double)elapsed.Ticks : 0;
    }
}
