using Spx.Research.Lake;

namespace Spx.Research.Scanning;

/// <summary>
/// A stretch of scanned dates read by one kernel worker (<see cref="MomentumKernelScan"/>): from <see cref="From"/>
/// (inclusive) to before <see cref="Before"/>, either end open when null. DuckDB skips the partitions outside it, so the
/// workers share out the files, and a date never spans two workers, which the kernel's order check needs.
/// </summary>
internal readonly record struct MomentumDateRange(DateOnly? From, DateOnly? Before)
{
    /// <summary>Every date: one worker.</summary>
    public static readonly MomentumDateRange All = new(null, null);

    /// <summary>The range as SQL conditions on <c>date</c> (<c>TRUE</c> for <see cref="All"/>).</summary>
    public string Filter()
    {
        var conditions = new List<string>();
        if (From is { } from) conditions.Add($"date >= {SqlText.Date(from)}");
        if (Before is { } before) conditions.Add($"date < {SqlText.Date(before)}");
        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    /// <summary>
    /// <paramref name="dates"/> (the partitions, ascending) cut into at most <paramref name="parts"/> consecutive ranges of
    /// about as many partitions each. The first and last ranges are open, so together they cover every date, also one
    /// that appeared after <paramref name="dates"/> was listed.
    /// </summary>
    public static IReadOnlyList<MomentumDateRange> Split(IReadOnlyList<DateOnly> dates, int parts)
    {
        parts = Math.Min(parts, dates.Count);
        if (parts <= 1) return [All];
        var cuts = Enumerable.Range(1, parts - 1).Select(i => dates[i * dates.Count / parts]).Distinct().ToList();
        var ranges = new List<MomentumDateRange> { new(null, cuts[0]) };
        for (var i = 1; i < cuts.Count; i++) ranges.Add(new MomentumDateRange(cuts[i - 1], cuts[i]));
        ranges.Add(new MomentumDateRange(cuts[^1], null));
        return ranges;
    }
}
