using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Spx.Research.Reporting;

/// <summary>
/// One figure as an HTML fragment: a <c>&lt;div&gt;</c> and a <c>&lt;script&gt;</c> that calls
/// <c>Plotly.newPlot(div, data, layout, config)</c>. The page must load plotly.js first (<see cref="HtmlPage"/>
/// does). The div's id comes from a hash of the figure JSON, so the same figure always gives the same HTML.
/// </summary>
public static class FigureHtml
{
    /// <summary>Height of the div when the layout sets none: plotly's own default.</summary>
    public const int DefaultHeight = 450;

    /// <summary>The div id for <paramref name="figure"/>: <c>spx-figure-</c> and 16 hex digits of the SHA-256 of its JSON.</summary>
    public static string ElementId(Figure figure) => ElementIdOf(FigureJson.Serialize(figure));

    /// <summary>
    /// The div and a script that draws the figure into it. For pages that load plotly.js in their head;
    /// <paramref name="elementId"/> overrides the content-hash id (it must be unique on the page).
    /// </summary>
    public static string Fragment(Figure figure, string? elementId = null)
    {
        var json = FigureJson.Serialize(figure);
        return Fragment(figure, json, elementId ?? ElementIdOf(json));
    }

    /// <summary>The <see cref="Fragment(Figure, string?)"/> form for a figure already serialised to <paramref name="json"/>.</summary>
    internal static string Fragment(Figure figure, string json, string elementId) =>
        Div(figure, elementId) + "\n" + Script(
            $"Plotly.newPlot({JsString(elementId)}, figure.data, figure.layout, figure.config);", json);

    /// <summary>
    /// The notebook form: the same div and script, but the script draws only <c>if (window.Plotly)</c> and
    /// otherwise writes a short note into the div. A notebook HTML export loads plotly.js once in its head, so
    /// each output stays small; a viewer that has no plotly.js on the page draws the figure from the
    /// <c>application/vnd.plotly.v1+json</c> output instead.
    /// </summary>
    public static string NotebookFragment(Figure figure)
    {
        var json = FigureJson.Serialize(figure);
        var id = ElementIdOf(json);
        var note = $"{figure} — not drawn: plotly.js is not loaded on this page (viewers that render application/vnd.plotly.v1+json draw it).";
        return Div(figure, id) + "\n" + Script(
            $"var element = document.getElementById({JsString(id)});\n" +
            "  if (!element) return;\n" +
            "  if (window.Plotly) {\n" +
            "    Plotly.newPlot(element, figure.data, figure.layout, figure.config);\n" +
            "  } else {\n" +
            "    element.style.height = \"auto\";\n" +
            $"    element.textContent = {JsString(note)};\n" +
            "  }",
            json);
    }

    /// <summary>Makes JSON safe inside a script element. The encoder already writes &lt; as \u003C; this guards the rule.</summary>
    internal static string ScriptSafe(string json) => json.Replace("</", "<\\/", StringComparison.Ordinal);

    internal static string ElementIdOf(string json) =>
        "spx-figure-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16];

    private static string Div(Figure figure, string id)
    {
        var width = figure.Layout.Width is { } w ? $"{w.ToString(CultureInfo.InvariantCulture)}px" : "100%";
        var height = (figure.Layout.Height ?? DefaultHeight).ToString(CultureInfo.InvariantCulture);
        return $"<div id=\"{WebUtility.HtmlEncode(id)}\" class=\"spx-figure\" style=\"width:{width};height:{height}px;\"></div>";
    }

    private static string Script(string body, string json) =>
        "<script>\n(function () {\n" +
        $"  var figure = {ScriptSafe(json)};\n" +
        $"  {body}\n" +
        "})();\n</script>";

    private static string JsString(string text) => ScriptSafe(JsonSerializer.Serialize(text));
}
