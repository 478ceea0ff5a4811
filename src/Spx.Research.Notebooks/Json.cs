using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spx.Research.Notebooks;

/// <summary>Small helpers for the verbatim JSON this project carries around (metadata, MIME values).</summary>
internal static class Json
{
    public static JsonElement String(string text) => JsonSerializer.SerializeToElement(text);

    public static JsonElement? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Follows object properties; null when any step is missing or not an object.</summary>
    public static JsonElement? Property(JsonElement? element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var next)) return null;
            current = next;
        }
        return current;
    }

    /// <summary>An integer property, or null when missing, null or not an integer.</summary>
    public static int? IntAt(JsonElement? element, params string[] path) =>
        Property(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    public static string? StringAt(JsonElement? element, params string[] path) =>
        Property(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The string items of a JSON array (others skipped); empty when not an array.</summary>
    public static IReadOnlyList<string> Strings(JsonElement? array) =>
        array is { ValueKind: JsonValueKind.Array } items
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToArray()
            : [];

    /// <summary>A string, or an nbformat list of lines joined as is.</summary>
    public static string MultilineText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Concat(value.EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString() : l.GetRawText())),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>A copy of an object with one property set (added at the end, or replaced in place).</summary>
    public static JsonElement With(JsonElement? obj, string name, JsonNode? value)
    {
        var node = obj is { ValueKind: JsonValueKind.Object } existing ? JsonObject.Create(existing.Clone())! : new JsonObject();
        node[name] = value;
        return JsonSerializer.SerializeToElement(node);
    }
}
