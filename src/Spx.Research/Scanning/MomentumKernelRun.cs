namespace Spx.Research.Scanning;

/// <summary>
/// One maximal run of above bars as <see cref="MomentumKernel"/> found it: <see cref="MomentumQueries.RunsTable"/>'s columns,
/// the ticker as DuckDB's <c>hash(ticker)</c>; <see cref="PeakTs"/> is the first bar of the run that reaches <see cref="PeakClose"/>.
/// Dates are Arrow day numbers, instants Unix microseconds.
/// </summary>
internal readonly record struct MomentumKernelRun(
    ulong TickerHash, int Date, long TriggerTs, long LastTs, long Duration, double Reference, double TriggerClose, double PeakClose, long PeakTs);
