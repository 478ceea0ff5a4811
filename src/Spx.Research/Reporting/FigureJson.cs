using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Spx.Research.Reporting;

/// <summary>
/// Writes a <see cref="Figure"/> as the JSON plotly.js takes: <c>{"data":[…],"layout":{…},"config":{…}}</c> —
/// also the payload of the Jupyter MIME type <c>application/vnd.plotly.v1+json</c>. Attribute names are
/// plotly's own lower-case ones (<c>hovertemplate</c>, <c>rangeslider</c>), titles are <c>{"text":…}</c> objects,
/// unset attributes are left out, missing numbers are <c>null</c>, numbers are invariant round-trip doubles
/// and dates are wall-clock strings. The output is deterministic: the same figure gives the same bytes.
/// </summary>
public static class FigureJson
{
    /// <summary>The figure as a JSON string; <paramref name="indented"/> for reading, compact otherwise.</summary>
    public static string Serialize(Figure figure, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, PlotlyJsonWriter.Options(indented)))
            Write(figure, json);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the figure object to <paramref name="json"/> (as a value: at the top or inside an array or property).</summary>
    public static void Write(Figure figure, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(json);
        var writer = new PlotlyJsonWriter(json);
        writer.StartObject();
        writer.StartArray("data");
        foreach (var trace in figure.Traces)
            trace.WriteTo(writer);
        writer.EndArray();
        figure.Layout.WriteTo(writer, "layout");
        figure.Config.WriteTo(writer, "config");
        writer.EndObject();
    }
}
