namespace Spx.Research.Scanning;

/// <summary>
/// One block of consecutive bars of one contract-day as <see cref="MomentumKernel"/> read it, named by DuckDB's
/// <c>hash(ticker)</c>; checked against the SQL counts (<see cref="MomentumKernelCheck"/>) before its runs are used.
/// Dates are Arrow day numbers, instants Unix microseconds.
/// </summary>
internal readonly record struct MomentumKernelDay(ulong TickerHash, int Date, long Bars, double Reference, double PeakClose, long FirstTs, long LastTs);
