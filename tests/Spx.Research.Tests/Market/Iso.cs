using System.Globalization;

namespace Spx.Research.Tests.Market;

/// <summary>ISO-8601 text to dates and instants, so test tables read like the sources they cite.</summary>
internal static class Iso
{
    public static DateOnly Date(string yyyyMmDd) =>
        DateOnly.ParseExact(yyyyMmDd, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Utc(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
