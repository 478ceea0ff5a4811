namespace Spx.Research.Scanning;

/// <summary>
/// What <see cref="MomentumKernel"/> found: the contract-days and runs of the dates it read in order, and the dates it
/// could not (a contract-day in two blocks, a time that does not rise, a NULL or non-finite price, terms that change
/// within a contract-day), which the SQL path then scans instead. No day or run of an <see cref="OutOfOrderDates"/>
/// date is in the lists.
/// </summary>
internal sealed record MomentumKernelResult(
    IReadOnlyList<MomentumKernelDay> Days, IReadOnlyList<MomentumKernelRun> Runs, IReadOnlyList<DateOnly> OutOfOrderDates)
{
    /// <summary>The results of kernels that read disjoint dates, as one.</summary>
    public static MomentumKernelResult Merge(IReadOnlyList<MomentumKernelResult> parts) => parts.Count == 1 ? parts[0] : new(
        parts.SelectMany(p => p.Days).ToList(), parts.SelectMany(p => p.Runs).ToList(), parts.SelectMany(p => p.OutOfOrderDates).Order().ToList());

    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Days since 1970-01-01 (DuckDB's and Arrow's DATE) as a date.</summary>
    public static DateOnly Day(int epochDay) => DateOnly.FromDayNumber(EpochDay + epochDay);

    /// <summary>Unix microseconds as a UTC instant.</summary>
    public static DateTimeOffset Instant(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
