namespace Spx.Research.Scanning;

/// <summary>What <see cref="MomentumKernelCheck.Match"/> trusts, and the dates it leaves to the SQL path.</summary>
internal sealed record MomentumKernelMatch(
    IReadOnlyList<(MomentumKernelCount Count, MomentumKernelDay Block)> Days,
    IReadOnlyList<(string Ticker, MomentumKernelRun Run)> Runs,
    IReadOnlyList<DateOnly> SqlDates);
