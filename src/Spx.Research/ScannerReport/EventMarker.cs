using Spx.Research.Scanning;

namespace Spx.Research.ScannerReport;

/// <summary>One marker of the events chart, drawn at <paramref name="Largest"/>'s trigger and the underlying's price then.</summary>
/// <param name="Largest">The event the marker is drawn at: the one with the largest peak return among those it stands for.</param>
/// <param name="Count">How many events the marker stands for: 1 when every event has its own.</param>
public sealed record EventMarker(MomentumEventRow Largest, int Count);
