using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Spx.Research.Reporting;

/// <summary>
/// A thin layer over <see cref="Utf8JsonWriter"/> with the rules every plotly attribute follows: an unset
/// (null) attribute is left out so plotly.js applies its default, a number that is not finite becomes
/// <c>null</c> (System.Text.Json throws on NaN), and numbers are invariant round-trip doubles.
/// </summary>
internal sealed class PlotlyJsonWriter(Utf8JsonWriter json)
{
    /// <summary>
    /// Writer options for figure JSON. The encoder keeps non-ASCII text (σ, é) readable but still escapes the
    /// HTML-sensitive characters &lt; &gt; &amp; ' so the JSON can be spliced into a &lt;script&gt; element:
    /// a title containing <c>&lt;/script&gt;</c> is written <c>\u003C/script\u003E</c>.
    /// </summary>
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public void StartObject(string? name = null)
    {
        if (name is null)
            json.WriteStartObject();
        else
            json.WriteStartObject(name);
    }

    public void EndObject() => json.WriteEndObject();

    public void StartArray(string? name = null)
    {
        if (name is null)
            json.WriteStartArray();
        else
            json.WriteStartArray(name);
    }

    public void EndArray() => json.WriteEndArray();

    /// <summary>A string attribute; left out when null.</summary>
    public void Text(string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    /// <summary>A string array element; null stays null.</summary>
    public void Text(string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(value);
    }

    /// <summary>A number attribute; left out when null or not finite.</summary>
    public void Number(string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            json.WriteNumber(name, v);
    }

    /// <summary>A number array element; null, NaN and ±∞ become null.</summary>
    public void Number(double? value)
    {
        if (value is { } v && double.IsFinite(v))
            json.WriteNumberValue(v);
        else
            json.WriteNullValue();
    }

    /// <summary>A boolean attribute; left out when null.</summary>
    public void Boolean(string name, bool? value)
    {
        if (value is { } v)
            json.WriteBoolean(name, v);
    }

    /// <summary>A number array attribute; left out when null, gaps written as null.</summary>
    public void Numbers(string name, IReadOnlyList<double>? values)
    {
        if (values is null)
            return;
        StartArray(name);
        foreach (var value in values)
            Number(value);
        EndArray();
    }

    /// <summary>A string array attribute; left out when null.</summary>
    public void Texts(string name, IReadOnlyList<string?>? values)
    {
        if (values is null)
            return;
        StartArray(name);
        foreach (var value in values)
            Text(value);
        EndArray();
    }

    /// <summary>A plotly title object <c>{"text": …}</c>; left out when null (plotly.js 3+ rejects a bare string).</summary>
    public void Title(string name, Title? title)
    {
        if (title is null)
            return;
        StartObject(name);
        json.WriteString("text", title.Text);
        EndObject();
    }
}
