namespace Spx.Research.Market;

/// <summary>
/// Western (Gregorian) Easter Sunday, needed because Good Friday is the one NYSE holiday tied to the
/// lunar calendar. Uses the anonymous Gregorian computus (Meeus/Jones/Butcher): pure integer arithmetic,
/// exact for every Gregorian year, so no table is needed.
/// </summary>
internal static class Easter
{
    internal static DateOnly Sunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var golden = year % 19;                       // position in the 19-year Metonic cycle
        var century = year / 100;
        var yearOfCentury = year % 100;
        var skippedLeaps = century / 4;
        var centuryRemainder = century % 4;
        var lunarCorrection = (century + 8) / 25;
        var solarCorrection = (century - lunarCorrection + 1) / 3;
        var epact = ((19 * golden) + century - skippedLeaps - solarCorrection + 15) % 30;
        var leapQuarter = yearOfCentury / 4;
        var leapRemainder = yearOfCentury % 4;
        var weekdayOffset = (32 + (2 * centuryRemainder) + (2 * leapQuarter) - epact - leapRemainder) % 7;
        var lateCorrection = (golden + (11 * epact) + (22 * weekdayOffset)) / 451;
        var monthAndDay = epact + weekdayOffset - (7 * lateCorrection) + 114;

        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }
}
