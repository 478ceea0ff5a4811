using System.Collections;
using System.Globalization;

namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// Short, culture-independent text for a value in a table cell or a list: ISO dates, shortest
/// round-trip numbers, and a few items for nested collections instead of a type name.
/// </summary>
internal static class ValueText
{
    /// <summary>Numbers, text, dates, enums, Guid: values shown as a single table cell.</summary>
    public static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(TimeSpan)
            || t == typeof(Guid) || t == typeof(Uri);
    }

    public static string Of(object? value, int depth = 0) => value switch
    {
        null => "",
        string s => s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero && t.Kind != DateTimeKind.Utc ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items when depth < 1 => List(items, 10, depth + 1),
        IEnumerable => "[…]",
        _ => value.ToString() ?? "",
    };

    /// <summary><c>[a, b, c, … (N more)]</c> with at most <paramref name="limit"/> items.</summary>
    public static string List(IEnumerable items, int limit, int depth = 0)
    {
        var shown = new List<string>();
        var more = 0L;
        foreach (var item in items)
        {
            if (shown.Count < limit) shown.Add(Of(item, depth));
            else if (++more >= 1_000_000) break;
        }
        var tail = more > 0 ? $", … ({more:N0}{(more >= 1_000_000 ? "+" : "")} more)" : "";
        return $"[{string.Join(", ", shown)}{tail}]";
    }
}
