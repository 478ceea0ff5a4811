namespace Spx.Research.Scanning;

/// <summary>The result of one momentum scan: the summary, every event, and the New York dates that had bars.</summary>
/// <param name="Dates">Dates with at least one contract-day: the <c>momentum_events</c> partitions a stored scan replaces.</param>
public sealed record MomentumScan(MomentumSummary Summary, IReadOnlyList<MomentumEventRow> Events, IReadOnlyList<DateOnly> Dates);
