namespace Spx.Research.Scanning;

/// <summary>One contract-day as <see cref="MomentumKernel"/> saw it: <see cref="MomentumQueries.DaysTable"/>'s columns. Dates are Arrow day numbers, instants Unix microseconds.</summary>
internal readonly record struct MomentumKernelDay(
    string Ticker, int Date, long Bars, double Reference, double PeakClose, int Expiry, string OptionRight, double Strike, long FirstTs, long LastTs);
