namespace Spx.Research.Polygon.WebSocket;

/// <summary>A reconnect attempt about to be made: why, which one, and how long the client waits first.</summary>
/// <param name="Attempt">1 for the first attempt after a drop.</param>
/// <param name="MaxAttempts">The policy's limit (<see cref="StreamReconnectPolicy.MaxAttempts"/>).</param>
/// <param name="Delay">The backoff before this attempt.</param>
/// <param name="Reason">Why: the drop for the first attempt, the previous attempt's failure after that (never contains the key).</param>
public sealed record StreamReconnectNotice(int Attempt, int MaxAttempts, TimeSpan Delay, string Reason);
