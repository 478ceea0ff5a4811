namespace Spx.Research.Scanning;

/// <summary>
/// One contract-day as <see cref="MomentumKernel"/> read it: its ticker, bars, reference (the first bar's open), highest
/// close, first and last bar, and its terms (the same on every bar, or the kernel gives the date to SQL). Dates
/// (<see cref="Date"/>, <see cref="Expiry"/>) are days since 1970-01-01, instants Unix microseconds.
/// </summary>
internal readonly record struct MomentumKernelDay(
    string Ticker, int Date, long Bars, double Reference, double PeakClose, long FirstTs, long LastTs, int Expiry, string OptionRight, double Strike);
