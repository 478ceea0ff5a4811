namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// What the receive loop does when the consumer falls behind and the bounded event channel is full.
/// Neither choice loses an event silently: <see cref="Wait"/> loses none on our side, and
/// <see cref="DropOldest"/> counts every eviction in <see cref="StreamStatistics.EventsDropped"/>.
/// </summary>
public enum StreamBackPressure
{
    /// <summary>
    /// The receive loop waits for room, so it stops reading the socket; the server's send buffer fills and it
    /// may eventually send <c>slow_consumer</c> and close. Right for recording, where every event matters.
    /// </summary>
    Wait,

    /// <summary>
    /// The oldest buffered event is evicted to make room for the newest, and counted. Right for a live view
    /// that only cares about the latest state and must never make the server disconnect it.
    /// </summary>
    DropOldest,
}
