using System.Text.Json.Nodes;

namespace Spx.Research.Polygon.Tests;

/// <summary>
/// Damages a recorded body the ways real ones get damaged: truncated mid-stream, a field deleted, a field
/// retyped (string for number, object for array, huge or negative numbers, null), garbage inserted, or replaced
/// outright by random text.
/// </summary>
internal static class JsonMutation
{
    public const int Kinds = 6;

    public static string Apply(string json, int kind, int position, int choice, string? text)
    {
        text ??= "";
        switch (Mod(kind, Kinds))
        {
            case 0:
                return json[..Mod(position, json.Length)];
            case 1:
                return Structural(json, position, node => Delete(node));
            case 2:
                return Structural(json, position, node => Replace(node, Retyped(choice, text, position)));
            case 3:
                return text;
            case 4:
                return json.Insert(Mod(position, json.Length + 1), text);
            default:
                if (json.Length == 0) return text;
                var chars = json.ToCharArray();
                chars[Mod(position, chars.Length)] = text.Length > 0 ? text[0] : (char)Mod(choice, 128);
                return new string(chars);
        }
    }

    private static int Mod(int value, int n) => n <= 0 ? 0 : ((value % n) + n) % n;

    private static JsonNode? Retyped(int choice, string text, int position) => Mod(choice, 10) switch
    {
        0 => JsonValue.Create(text),
        1 => JsonValue.Create(position),
        2 => JsonValue.Create(-1e300),
        3 => JsonValue.Create(1e300),
        4 => JsonValue.Create(true),
        5 => null,
        6 => new JsonArray(JsonValue.Create(text), JsonValue.Create(position)),
        7 => new JsonObject { ["x"] = text },
        8 => JsonValue.Create(position / 7.0),
        _ => JsonValue.Create(long.MaxValue),
    };

    private static string Structural(string json, int position, Action<(JsonNode Parent, object Key)> mutate)
    {
        var root = JsonNode.Parse(json);
        if (root is null) return json;
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0) return json;
        mutate(slots[Mod(position, slots.Count)]);
        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, object Key)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key));
                    if (child is not null) Collect(child, slots);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, i));
                    if (array[i] is { } child) Collect(child, slots);
                }

                break;
        }
    }

    private static void Delete((JsonNode Parent, object Key) slot)
    {
        if (slot.Parent is JsonObject obj) obj.Remove((string)slot.Key);
        else if (slot.Parent is JsonArray array) array.RemoveAt((int)slot.Key);
    }

    private static void Replace((JsonNode Parent, object Key) slot, JsonNode? value)
    {
        if (slot.Parent is JsonObject obj) obj[(string)slot.Key] = value;
        else if (slot.Parent is JsonArray array) array[(int)slot.Key] = value;
    }
}
