using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Simulator.Rest;

/// <summary>Parsing and formatting of the time forms on Polygon's wire: dates, Unix ms in paths, ISO strings.</summary>
public static class WireTime
{
    /// <summary>Unix ns.</summary>
    public static long Ns(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() * 1_000_000;

    /// <summary>
    /// A path bound: <c>YYYY-MM-DD</c> (midnight New York time, and for an upper bound the next midnight) or
    /// Unix ms (inclusive). Returns the instant and whether it was a date.
    /// </summary>
    /// <exception cref="Http.BadRequestException">Neither form.</exception>
    public static (DateTimeOffset Instant, bool IsDate) Bound(string text, string name)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (NewYorkTime.ToUtc(date, TimeOnly.MinValue), true);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
            return (DateTimeOffset.FromUnixTimeMilliseconds(ms), false);
        throw new Http.BadRequestException($"Could not parse the {name} '{text}': expected YYYY-MM-DD or a Unix millisecond timestamp.");
    }

    /// <summary>A date query value.</summary>
    /// <exception cref="Http.BadRequestException">Not YYYY-MM-DD.</exception>
    public static DateOnly Date(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new Http.BadRequestException($"Could not parse the {name} '{text}': expected YYYY-MM-DD.");

    /// <summary>ISO-8601 UTC with a Z, as in <c>published_utc</c>.</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO date.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Invariant number text for SQL.</summary>
    public static string Sql(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
