using Spx.Research.Polygon.Rest;

namespace Spx.Research.Monitor.Polling;

/// <summary>
/// The server's clock instead of this machine's: <c>serverTime</c> of <c>/v1/marketstatus/now</c>, read once and
/// advanced by the wall clock since. A simulator replaying a past day answers with that day's time, so a poll
/// against it lands in the replayed session.
/// </summary>
public sealed class ServerClock : TimeProvider
{
    private readonly DateTimeOffset _serverTime;
    private readonly TimeProvider _wall;
    private readonly long _readAt;

    private ServerClock(DateTimeOffset serverTime, TimeProvider wall)
    {
        _serverTime = serverTime;
        _wall = wall;
        _readAt = wall.GetTimestamp();
    }

    /// <summary>Reads the server's time now.</summary>
    /// <exception cref="MonitorPollException">The market status has no <c>serverTime</c>.</exception>
    public static async Task<ServerClock> ReadAsync(PolygonRestClient client, TimeProvider? wall = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var status = await client.MarketStatusNow(cancellationToken).ConfigureAwait(false);
        var serverTime = status.ServerTime ?? throw new MonitorPollException("server clock: /v1/marketstatus/now has no serverTime");
        return new ServerClock(serverTime, wall ?? System);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => (_serverTime + _wall.GetElapsedTime(_readAt)).ToUniversalTime();

    /// <inheritdoc />
    public override long GetTimestamp() => _wall.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => _wall.TimestampFrequency;
}
