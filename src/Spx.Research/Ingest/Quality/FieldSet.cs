using System.Text.Json;

namespace Spx.Research.Ingest.Quality;

/// <summary>
/// The fields of an endpoint's results as names and JSON types (<c>string</c>, <c>number</c>, <c>boolean</c>,
/// <c>object</c>, <c>array</c>; <c>null</c> when only nulls were seen). Nested objects give dotted names
/// (<c>details.strike_price</c>) two levels deep. A list is sampled (first <see cref="SampleItems"/> items), so a
/// 50,000-bar page costs no more than a small one; a field counts as present when any sampled item has it.
/// </summary>
public static class FieldSet
{
    /// <summary>Items of a list read per page.</summary>
    public const int SampleItems = 100;

    private const int MaxDepth = 2;

    /// <summary>The field set of <paramref name="results"/>: an array of objects, or one object.</summary>
    public static SortedDictionary<string, string> Of(JsonElement results)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (results.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in results.EnumerateArray().Take(SampleItems))
            {
                if (item.ValueKind == JsonValueKind.Object) Add(fields, item, "", 1);
            }
        }
        else if (results.ValueKind == JsonValueKind.Object)
        {
            Add(fields, results, "", 1);
        }
        return fields;
    }

    /// <summary>The JSON type name of a value.</summary>
    public static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => "null",
    };

    private static void Add(SortedDictionary<string, string> fields, JsonElement item, string prefix, int depth)
    {
        foreach (var property in item.EnumerateObject())
        {
            var name = prefix + property.Name;
            var type = TypeOf(property.Value);
            // A null says nothing about the type: keep a type seen elsewhere.
            if (!fields.TryGetValue(name, out var known) || known == "null") fields[name] = type;
            if (type == "object" && depth < MaxDepth) Add(fields, property.Value, name + ".", depth + 1);
        }
    }
}
