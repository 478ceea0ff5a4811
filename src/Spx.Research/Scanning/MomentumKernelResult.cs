namespace Spx.Research.Scanning;

/// <summary>
/// What <see cref="MomentumKernel"/> found: the blocks (contract-days) and runs of the dates it read in order, and the
/// dates it could not (a contract-day in two blocks, a time that does not rise, a NULL or non-finite price), which the
/// SQL path then scans instead. No block or run of an <see cref="OutOfOrderDates"/> date is in the lists.
/// </summary>
internal sealed record MomentumKernelResult(
    IReadOnlyList<MomentumKernelDay> Days, IReadOnlyList<MomentumKernelRun> Runs, IReadOnlyList<DateOnly> OutOfOrderDates)
{
    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>An Arrow day number (days since 1970-01-01) as a date.</summary>
    public static DateOnly Day(int arrowDate) => DateOnly.FromDayNumber(EpochDay + arrowDate);

    /// <summary>A date as an Arrow day number.</summary>
    public static int ArrowDay(DateOnly date) => date.DayNumber - EpochDay;

    /// <summary>Unix microseconds as a UTC instant.</summary>
    public static DateTimeOffset Instant(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
