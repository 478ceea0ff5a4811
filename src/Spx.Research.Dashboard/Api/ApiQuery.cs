using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Spx.Research.Dashboard.Api;

/// <summary>
/// The query-string filters the endpoints share, parsed once: <c>?expiry=YYYY-MM-DD</c>, <c>?session=YYYY-MM-DD</c>,
/// <c>?ticker=</c>, <c>?rule=</c>, <c>?limit=N</c>. A malformed value is a 400 naming the parameter and the value.
/// </summary>
internal sealed record ApiQuery(DateOnly? Expiry, DateOnly? Session, string? Ticker, string? Rule, int? Limit)
{
    /// <summary>The most rows any list endpoint returns.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>Reads the filters of <paramref name="query"/>.</summary>
    /// <exception cref="ApiQueryException">A value does not parse.</exception>
    public static ApiQuery Parse(IQueryCollection query) => new(
        Date(query, "expiry"),
        Date(query, "session"),
        Text(query, "ticker"),
        Text(query, "rule"),
        Count(query, "limit"));

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } text ? text : null;

    private static DateOnly? Date(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ApiQueryException($"?{name}={text} is not a date: use YYYY-MM-DD");
    }

    private static int? Count(IQueryCollection query, string name)
    {
        if (Text(query, name) is not { } text) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxLimit
            ? count
            : throw new ApiQueryException($"?{name}={text} is not a whole number from 1 to {MaxLimit}");
    }
}

/// <summary>A query-string value the API cannot use: answered with 400 and this message.</summary>
internal sealed class ApiQueryException(string message) : Exception(message);
