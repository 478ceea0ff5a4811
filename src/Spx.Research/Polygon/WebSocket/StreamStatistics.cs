namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Counters of one client, read as a snapshot. Nothing is dropped silently: once the channel is drained,
/// <see cref="EventsReceived"/> = <see cref="EventsDelivered"/> + <see cref="EventsDropped"/> + <see cref="DuplicatesDropped"/>.
/// </summary>
/// <param name="FramesReceived">WebSocket messages received (after reassembling fragments).</param>
/// <param name="EventsReceived">Events put into the channel: decoded from the wire plus the client's own notices.</param>
/// <param name="EventsDelivered">Events the consumer has read.</param>
/// <param name="EventsDropped">Events evicted under <see cref="StreamBackPressure.DropOldest"/>.</param>
/// <param name="Reconnects">Successful reconnects.</param>
/// <param name="DecodeErrors">Events or frames that could not be decoded (each became a <see cref="DecodeErrorEvent"/>).</param>
/// <param name="UnknownEvents">Events with an <c>ev</c> this client does not know.</param>
/// <param name="DuplicatesDropped">Aggregates seen before (same type, symbol and window start), not delivered again.</param>
public readonly record struct StreamStatistics(
    long FramesReceived,
    long EventsReceived,
    long EventsDelivered,
    long EventsDropped,
    int Reconnects,
    long DecodeErrors,
    long UnknownEvents,
    long DuplicatesDropped);
