namespace Spx.Research.Market;

/// <summary>
/// Conversions between UTC instants and New York wall-clock time, the clock every US equity and
/// option schedule is written in. Everything stored is UTC; only market rules speak New York time.
/// </summary>
public static class NewYorkTime
{
    /// <summary>
    /// America/New_York from the system time-zone database (tzdata on Linux and macOS). Falls back to
    /// the Windows id because IANA-to-Windows id mapping needs ICU, which InvariantGlobalization turns off.
    /// </summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>
    /// The UTC instant of a New York wall-clock time. Market times (09:30, 13:00, 16:00, 16:15) never fall
    /// in a DST transition; for other times, the skipped spring-forward hour throws and the repeated
    /// fall-back hour resolves to standard time (the later of the two instants).
    /// </summary>
    /// <exception cref="ArgumentException">The wall-clock time does not exist in New York (spring-forward gap).</exception>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            throw new ArgumentException(
                $"{date:yyyy-MM-dd} {time:HH:mm:ss} does not exist in America/New_York (skipped by the DST switch).",
                nameof(time));
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant seen on a New York clock, with its UTC offset (-05:00 or -04:00).</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The New York calendar date of an instant: the date a session is named by.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Eastern Standard Time");
        }
    }
}
