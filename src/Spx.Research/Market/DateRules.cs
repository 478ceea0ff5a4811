namespace Spx.Research.Market;

/// <summary>The handful of "which day is it this year" rules US holidays are written in.</summary>
internal static class DateRules
{
    /// <summary>The <paramref name="n"/>-th <paramref name="day"/> of a month, e.g. the 4th Thursday of November.</summary>
    internal static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toFirst = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toFirst + (7 * (n - 1)));
    }

    /// <summary>The last <paramref name="day"/> of a month, e.g. the last Monday of May.</summary>
    internal static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-back);
    }

    /// <summary>Saturday moves to the Friday before, Sunday to the Monday after (the federal "observed" rule).</summary>
    internal static DateOnly NearestWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
