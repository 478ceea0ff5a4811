namespace Spx.Research.Scanning;

/// <summary>
/// One maximal run of above bars as <see cref="MomentumKernel"/> found it: <see cref="MomentumQueries.RunsTable"/>'s columns;
/// <see cref="PeakTs"/> is the first bar of the run that reaches <see cref="PeakClose"/>. The date is days since
/// 1970-01-01, instants Unix microseconds.
/// </summary>
internal readonly record struct MomentumKernelRun(
    string Ticker, int Date, long TriggerTs, long LastTs, long Duration, double Reference, double TriggerClose, double PeakClose, long PeakTs);
