using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Markdig;
using Spx.Research.Notebooks.Formats;

namespace Spx.Research.Notebooks.Html;

/// <summary>
/// A standalone HTML page of an executed notebook, readable without Jupyter or a network: markdown
/// rendered with Markdig, code as escaped, collapsible <c>&lt;pre&gt;</c> blocks, outputs by their richest
/// MIME type. plotly figures are drawn from their JSON with <c>Plotly.newPlot</c>, and plotly.js is
/// inlined once in <c>&lt;head&gt;</c> only when a figure is present (never from a CDN); the script text
/// comes from the caller, so this project does not need to know where the bundle lives.
/// </summary>
public static partial class NotebookHtmlWriter
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Escapes &lt;, &gt;, &amp; and quotes, so JSON spliced into a script cannot close it.</summary>
    private static readonly JsonWriterOptions ScriptJson = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Output MIME types in order of preference (plotly first when plotly.js is available).</summary>
    private static readonly string[] Preference =
    [
        MimeBundle.Html, "image/svg+xml", "image/png", "image/jpeg", "image/gif", MimeBundle.Markdown,
        "application/json", MimeBundle.PlainText,
    ];

    /// <param name="notebook">Usually an executed notebook (its <c>metadata.spx</c> fills the header).</param>
    /// <param name="title">Page title, e.g. the notebook's file name.</param>
    /// <param name="plotlyScript">plotly.js text, called once if a figure is present; null draws figures from their <c>text/html</c> if they have one.</param>
    public static string Write(Notebook notebook, string title, Func<string>? plotlyScript = null)
    {
        var usePlotly = plotlyScript is not null && notebook.Cells.Any(c => c.Outputs.Any(o => Data(o)?.Contains(MimeBundle.Plotly) == true));
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n");
        if (usePlotly) page.Append("<script>").Append(ScriptSafe(plotlyScript!())).Append("</script>\n");
        page.Append("</head>\n<body>\n<main>\n<header>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        AppendRunSummary(page, notebook);
        page.Append("</header>\n");

        var ids = CellIds.Assign(notebook.Cells);
        var labels = CellNumbers.Labels(notebook);
        var figures = 0;
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            page.Append("<section class=\"cell ").Append(cell.Kind.ToString().ToLowerInvariant()).Append("\" id=\"").Append(Encode(ids[i])).Append("\">\n");
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    page.Append(RenderMarkdown(WithAttachments(cell.Source, cell.Attachments))).Append('\n');
                    break;
                case CellKind.Raw:
                    page.Append("<pre class=\"raw\">").Append(Encode(cell.Source)).Append("</pre>\n");
                    break;
                default:
                    AppendCode(page, cell, labels[i], usePlotly, ref figures);
                    break;
            }
            page.Append("</section>\n");
        }
        page.Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }

    public static void WriteFile(Notebook notebook, string path, string title, Func<string>? plotlyScript = null) =>
        AtomicText.Write(path, Write(notebook, title, plotlyScript));

    private static void AppendRunSummary(StringBuilder page, Notebook notebook)
    {
        if (Json.Property(notebook.Metadata, "spx") is not { ValueKind: JsonValueKind.Object } run) return;
        var status = Json.StringAt(run, "status") ?? "?";
        page.Append("<p class=\"run ").Append(status == "failed" ? "failed" : "ok").Append("\">")
            .Append(status == "failed" ? "Failed" : "Completed");
        if (Json.StringAt(run, "start_time") is { } started) page.Append(" · started ").Append(Encode(started));
        if (Json.Property(run, "duration") is { ValueKind: JsonValueKind.Number } duration) page.Append(" · ").Append(Encode(duration.GetRawText())).Append(" s");
        if (Json.Property(run, "parameters") is { ValueKind: JsonValueKind.Object } parameters && parameters.EnumerateObject().Any())
        {
            page.Append(" · parameters: ").Append(Encode(string.Join(", ", parameters.EnumerateObject().Select(p => $"{p.Name}={Json.MultilineText(p.Value)}"))));
        }
        page.Append("</p>\n");
    }

    /// <param name="label">The cell's <see cref="CellNumbers"/> label, the one <c>spx notebook run</c> prints.</param>
    private static void AppendCode(StringBuilder page, NotebookCell cell, string? label, bool usePlotly, ref int figures)
    {
        var failed = cell.Outputs.Any(o => o is ErrorOutput);
        var prompt = label ?? "";
        page.Append(failed ? "<details class=\"source\" open>" : "<details class=\"source\">")
            .Append("<summary><span class=\"prompt\">").Append(prompt).Append("</span> <code>").Append(Encode(cell.FirstLine)).Append("</code></summary>")
            .Append("<pre><code class=\"language-csharp\">").Append(Encode(cell.Source)).Append("</code></pre></details>\n");
        foreach (var output in cell.Outputs)
        {
            page.Append("<div class=\"output\">");
            switch (output)
            {
                case StreamOutput stream:
                    page.Append("<pre class=\"stream ").Append(stream.Name == StreamOutput.StandardError ? "stderr" : "stdout").Append("\">")
                        .Append(Encode(stream.Text)).Append("</pre>");
                    break;
                case ErrorOutput error:
                    page.Append("<div class=\"error\"><strong>").Append(Encode(error.EName)).Append("</strong>: ").Append(Encode(error.EValue.Split('\n')[0]))
                        .Append("<pre>").Append(Encode(StripAnsi(string.Join('\n', error.Traceback)))).Append("</pre></div>");
                    break;
                default:
                    if (Data(output) is { } data) AppendData(page, data, usePlotly, $"{cell.Id ?? "cell"}-plot-{++figures}");
                    break;
            }
            page.Append("</div>\n");
        }
    }

    private static void AppendData(StringBuilder page, MimeBundle data, bool usePlotly, string plotId)
    {
        if (usePlotly && data.Get(MimeBundle.Plotly) is { } figure)
        {
            page.Append("<div class=\"plotly\" id=\"").Append(Encode(plotId)).Append("\"></div><script>(function(){var f=")
                .Append(ScriptSafeJson(figure))
                .Append(";Plotly.newPlot(\"").Append(JavaScriptEncoder.Default.Encode(plotId))
                .Append("\",{data:f.data||[],layout:f.layout||{},config:f.config||{},frames:f.frames||[]});})();</script>");
            return;
        }
        var mimeType = Preference.FirstOrDefault(data.Contains) ?? data.MimeTypes.FirstOrDefault();
        if (mimeType is null) return;
        var text = data.Text(mimeType) ?? "";
        switch (mimeType)
        {
            case MimeBundle.Html:
            case "image/svg+xml":
                page.Append(text);
                break;
            case "image/png" or "image/jpeg" or "image/gif":
                page.Append("<img alt=\"output\" src=\"data:").Append(mimeType).Append(";base64,").Append(Encode(text.Replace("\n", ""))).Append("\">");
                break;
            case MimeBundle.Markdown:
                page.Append(RenderMarkdown(text));
                break;
            default:
                page.Append("<pre>").Append(Encode(text)).Append("</pre>");
                break;
        }
    }

    private static MimeBundle? Data(CellOutput output) => output switch
    {
        DisplayDataOutput display => display.Data,
        ExecuteResultOutput result => result.Data,
        _ => null,
    };

    private static string RenderMarkdown(string text) => Markdig.Markdown.ToHtml(text, Markdown);

    /// <summary>Markdown images pointing at <c>attachment:name</c> become data URIs from the cell's attachments.</summary>
    private static string WithAttachments(string source, JsonElement? attachments)
    {
        if (attachments is not { ValueKind: JsonValueKind.Object } files) return source;
        foreach (var file in files.EnumerateObject())
        {
            if (file.Value.ValueKind != JsonValueKind.Object) continue;
            var entry = file.Value.EnumerateObject().FirstOrDefault();
            if (entry.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Array)) continue;
            source = source.Replace($"attachment:{file.Name}", $"data:{entry.Name};base64,{Json.MultilineText(entry.Value).Replace("\n", "")}");
        }
        return source;
    }

    private static string ScriptSafeJson(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ScriptJson)) value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Script text inlined in HTML must not contain <c>&lt;/script</c>; <c>&lt;\/script</c> means the same in JavaScript.</summary>
    private static string ScriptSafe(string script) => ClosingScript().Replace(script, @"<\/$1");

    private static string StripAnsi(string text) => Ansi().Replace(text, "");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("</(script)", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingScript();

    [GeneratedRegex(@"\x1b\[[0-9;]*[A-Za-z]")]
    private static partial Regex Ansi();

    private const string Style = """
        body{margin:0;background:#fafafa;color:#1f2328;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{max-width:1100px;margin:0 auto;padding:24px}
        header h1{margin:0 0 4px}
        .run{margin:0 0 24px;color:#57606a}.run.failed{color:#b00020;font-weight:600}
        .cell{margin:12px 0}
        .cell.markdown{padding:0 4px}
        details.source{background:#f3f4f6;border:1px solid #d0d7de;border-radius:6px}
        details.source summary{cursor:pointer;padding:4px 8px;color:#57606a;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        details.source pre{margin:0;padding:8px 12px;border-top:1px solid #d0d7de;overflow:auto}
        .prompt{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#0550ae}
        pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        .output{margin:6px 0 6px 12px;overflow:auto}
        .output pre{margin:0;padding:6px 8px;background:#fff;border-left:3px solid #d0d7de;white-space:pre-wrap}
        .output pre.stderr{border-left-color:#d4a72c;background:#fff8e6}
        .error{background:#ffebe9;border:1px solid #cf222e;border-radius:6px;padding:8px 12px;color:#82071e}
        .error pre{background:transparent;border:0;color:#82071e}
        table.spx-table{border-collapse:collapse;font-size:13px}
        table.spx-table th,table.spx-table td{border:1px solid #d0d7de;padding:2px 8px;text-align:left}
        table.spx-table th{background:#f3f4f6}
        .spx-more{color:#57606a;font-size:13px;margin:4px 0}
        .plotly{width:100%;min-height:420px}
        img{max-width:100%}
        """;
}
