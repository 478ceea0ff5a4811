using System.Globalization;

namespace Spx.Research.Simulator.Http;

/// <summary>
/// Paging for the v3 list endpoints: the cursor carries the whole query plus the offset of the next page.
/// The lake is immutable while served, and every query orders by a unique key, so offsets never skip or repeat a row.
/// </summary>
public static class OffsetPaging
{
    /// <summary>The next page's path+query when <paramref name="fetched"/> (limit + 1 asked) exceeds <paramref name="limit"/>, else null.</summary>
    public static string? Next(string path, RestQuery query, int limit, int fetched, params (string Key, string Value)[] pins)
    {
        if (fetched <= limit) return null;
        var values = query.With("offset", (query.Offset + limit).ToString(CultureInfo.InvariantCulture));
        values["limit"] = limit.ToString(CultureInfo.InvariantCulture);
        foreach (var (key, value) in pins) values[key] = value;
        return $"{path}?cursor={PageCursor.Encode(values)}";
    }

    /// <summary><c>LIMIT … OFFSET …</c> asking one extra row to know whether another page exists.</summary>
    public static string Sql(RestQuery query, int limit) => $"LIMIT {limit + 1} OFFSET {query.Offset}";
}
