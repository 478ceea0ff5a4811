namespace Spx.Research.Polygon.Clock;

/// <summary>
/// A wall timer whose due time and period are given in server time, so <c>Task.Delay(…, serverClock)</c> waits
/// the server's minutes, not the wall's.
/// </summary>
internal sealed class ScaledTimer(ServerClock clock, ITimer inner) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToWall(dueTime), clock.ToWall(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
