namespace Spx.Research.Simulator.Streaming;

/// <summary>Events that become due at the same simulated instant, sent together as one JSON-array frame.</summary>
public sealed record ReplayFrame(DateTimeOffset DueAt, IReadOnlyList<ReplayEvent> Events);
