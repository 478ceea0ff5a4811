namespace Spx.Research.Reporting;

/// <summary>
/// The notebook formatters of <see cref="Figure"/>, found through <see cref="TypeFormatterSourceAttribute"/>.
/// A figure output carries both preferred types: <c>application/vnd.plotly.v1+json</c>, which VS Code and
/// JupyterLab draw with their own plotly.js, and <c>text/html</c> for pages that load plotly.js once in their
/// head (our notebook HTML export). <c>text/plain</c> gives the one-line summary.
/// </summary>
public sealed class FigureFormatterSource
{
    /// <summary>HTML: a div and a script that draws into it when the page has loaded plotly.js.</summary>
    public const string HtmlMimeType = "text/html";

    /// <summary>The Jupyter plotly MIME type; the payload is the figure JSON.</summary>
    public const string PlotlyJsonMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Plain text: <see cref="Figure.ToString"/>.</summary>
    public const string PlainTextMimeType = "text/plain";

    /// <summary>One formatter per MIME type: HTML, plotly JSON, plain text.</summary>
    public IEnumerable<TypeFormatter<Figure>> CreateTypeFormatters() =>
    [
        new(HtmlMimeType, (figure, writer) => writer.Write(FigureHtml.NotebookFragment(figure))),
        new(PlotlyJsonMimeType, (figure, writer) => writer.Write(FigureJson.Serialize(figure))),
        new(PlainTextMimeType, (figure, writer) => writer.Write(figure.ToString())),
    ];
}
