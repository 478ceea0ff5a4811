using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Spx.Research.Simulator.Http;

/// <summary>
/// A request's query parameters: those in its cursor when it has one (the cursor holds the whole query,
/// as Polygon's do), else the URL's own — minus the API key.
/// </summary>
public sealed class RestQuery
{
    private readonly Dictionary<string, string> _values;

    private RestQuery(Dictionary<string, string> values) => _values = values;

    /// <summary>All values.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Reads <paramref name="request"/>.</summary>
    public static RestQuery From(HttpRequest request)
    {
        if (request.Query.TryGetValue("cursor", out var cursor) && !string.IsNullOrEmpty(cursor))
            return new RestQuery(PageCursor.Decode(cursor.ToString()));
        var values = request.Query.Where(kv => kv.Key != "apiKey")
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        return new RestQuery(values);
    }

    /// <summary>A value or null.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The page size: <paramref name="fallback"/> when absent, capped at <paramref name="max"/>.</summary>
    /// <exception cref="BadRequestException">Not a positive integer.</exception>
    public int Limit(int fallback, int max)
    {
        if (this["limit"] is not { } text) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit < 1)
            throw new BadRequestException($"Could not parse the limit '{text}': it must be a positive integer.");
        return Math.Min(limit, max);
    }

    /// <summary>The row offset carried by a cursor (0 on the first page).</summary>
    public int Offset => this["offset"] is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : 0;

    /// <summary>A copy of the values with <paramref name="name"/> set, for the next cursor.</summary>
    public Dictionary<string, string> With(string name, string value) => new(_values, StringComparer.Ordinal) { [name] = value };
}
