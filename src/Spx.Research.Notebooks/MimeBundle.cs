using System.Collections;
using System.Text.Json;

namespace Spx.Research.Notebooks;

/// <summary>
/// The <c>data</c> of a display or result output: MIME type → value, in the order produced. Text
/// types hold a JSON string; <c>application/json</c> and <c>application/*+json</c> hold the JSON value
/// itself, so a plotly figure is stored as an object (nbformat allows it; renderers want it).
/// </summary>
public sealed class MimeBundle : IReadOnlyList<KeyValuePair<string, JsonElement>>
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Markdown = "text/markdown";
    public const string Plotly = "application/vnd.plotly.v1+json";

    private readonly KeyValuePair<string, JsonElement>[] _entries;

    public MimeBundle(IEnumerable<KeyValuePair<string, JsonElement>> entries)
    {
        // Last write wins for a repeated type, but the first position is kept.
        var list = new List<KeyValuePair<string, JsonElement>>();
        foreach (var entry in entries)
        {
            var at = list.FindIndex(e => e.Key == entry.Key);
            if (at >= 0) list[at] = entry;
            else list.Add(entry);
        }
        _entries = [.. list];
    }

    public static MimeBundle Empty { get; } = new([]);

    /// <summary>A one-entry bundle; <paramref name="text"/> is parsed when the type is a JSON type.</summary>
    public static MimeBundle Of(string mimeType, string text) => new([Entry(mimeType, text)]);

    /// <summary>
    /// An entry whose value is <paramref name="text"/>: parsed into JSON for JSON MIME types (kept as a
    /// string if it does not parse, so nothing is lost), a JSON string otherwise.
    /// </summary>
    public static KeyValuePair<string, JsonElement> Entry(string mimeType, string text)
    {
        if (IsJsonType(mimeType) && Json.TryParse(text) is { } parsed) return new(mimeType, parsed);
        return new(mimeType, Json.String(text));
    }

    /// <summary><c>application/json</c> or any <c>application/…+json</c>.</summary>
    public static bool IsJsonType(string mimeType) =>
        mimeType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || (mimeType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
            && mimeType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> MimeTypes => _entries.Select(e => e.Key).ToArray();

    public bool Contains(string mimeType) => _entries.Any(e => e.Key == mimeType);

    public JsonElement? Get(string mimeType) =>
        _entries.FirstOrDefault(e => e.Key == mimeType) is { Key: not null } found ? found.Value : null;

    /// <summary>The value as text: a string value as is, a JSON value as its JSON text; null when absent.</summary>
    public string? Text(string mimeType) => Get(mimeType) is { } value
        ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
        : null;

    public MimeBundle With(string mimeType, string text) => new([.. _entries, Entry(mimeType, text)]);

    public int Count => _entries.Length;

    public KeyValuePair<string, JsonElement> this[int index] => _entries[index];

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, JsonElement>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", MimeTypes);
}
