using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;

namespace Spx.Research.Reporting;

/// <summary>
/// A standalone HTML report: a title, then headings, text, trusted HTML and figures in order. plotly.js is
/// inlined by default, so the file opens offline with nothing beside it; <see cref="PlotlyScript.Sibling"/>
/// references a <c>plotly.min.js</c> that <see cref="Save"/> copies next to the page. UTF-8 throughout.
/// Immutable: each <c>Add…</c> returns a new page.
/// </summary>
public sealed class HtmlPage
{
    private const string Style =
        "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#222;max-width:1200px;margin:2rem auto;padding:0 1rem;line-height:1.45}" +
        "h1,h2,h3{font-weight:600}.spx-figure{margin:1rem 0}";

    private readonly ImmutableList<Block> _blocks;

    /// <summary>An empty page with <paramref name="title"/> in the tab and as its heading.</summary>
    public HtmlPage(string title)
        : this(title ?? throw new ArgumentNullException(nameof(title)), ImmutableList<Block>.Empty)
    {
    }

    private HtmlPage(string title, ImmutableList<Block> blocks)
    {
        Title = title;
        _blocks = blocks;
    }

    /// <summary>Page title.</summary>
    public string Title { get; }

    /// <summary>The figures on the page, in order.</summary>
    public IReadOnlyList<Figure> Figures => _blocks.Select(block => block.Figure).OfType<Figure>().ToList();

    /// <summary>This page with a heading (<c>h2</c> unless <paramref name="level"/> says 2–6).</summary>
    public HtmlPage AddHeading(string text, int level = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        return With(Block.Html($"<h{level}>{Encode(text)}</h{level}>"));
    }

    /// <summary>This page with a paragraph of plain text (escaped; blank lines start new paragraphs).</summary>
    public HtmlPage AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = text.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return With(Block.Html(string.Join("\n", paragraphs.Select(paragraph => $"<p>{Encode(paragraph)}</p>"))));
    }

    /// <summary>This page with HTML written as given — for tables and markup the caller built and trusts.</summary>
    public HtmlPage AddHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return With(Block.Html(html));
    }

    /// <summary>This page with a figure.</summary>
    public HtmlPage AddFigure(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return With(Block.Of(figure));
    }

    /// <summary>This page with a section: a heading, optional text, then figures.</summary>
    public HtmlPage AddSection(string heading, string? text, params Figure[] figures)
    {
        var page = AddHeading(heading);
        if (!string.IsNullOrWhiteSpace(text))
            page = page.AddText(text);
        return figures.Aggregate(page, (current, figure) => current.AddFigure(figure));
    }

    /// <summary>
    /// The page as HTML. Figure div ids are content hashes (a repeated figure gets <c>-2</c>, <c>-3</c>, …), so the
    /// same page always gives the same text.
    /// </summary>
    /// <exception cref="FileNotFoundException">Inline: the plotly.js bundle is missing (see <see cref="PlotlyJs.LocateBundle"/>).</exception>
    public string ToHtml(PlotlyScript script = PlotlyScript.Inline)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<meta name=\"generator\" content=\"Spx.Research, plotly.js {PlotlyJs.Version}\">\n")
            .Append($"<title>{Encode(Title)}</title>\n")
            .Append($"<style>{Style}</style>\n");
        if (script == PlotlyScript.Inline)
            html.Append($"<script>/* plotly.js {PlotlyJs.Version}, inlined */\n").Append(InlineBundle()).Append("\n</script>\n");
        else
            html.Append($"<script src=\"{PlotlyJs.BundleFileName}\"></script>\n");
        html.Append("</head>\n<body>\n")
            .Append($"<h1>{Encode(Title)}</h1>\n");

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in _blocks)
        {
            if (block.Figure is { } figure)
            {
                var json = FigureJson.Serialize(figure);
                var id = FigureHtml.ElementIdOf(json);
                var seen = ids[id] = ids.GetValueOrDefault(id) + 1;
                html.Append(FigureHtml.Fragment(figure, json, seen == 1 ? id : $"{id}-{seen.ToString(CultureInfo.InvariantCulture)}"));
            }
            else
            {
                html.Append(block.Markup);
            }
            html.Append('\n');
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// Writes the page to <paramref name="path"/> (UTF-8, no BOM; folders created; replaced as a whole, never
    /// left half-written) and, for <see cref="PlotlyScript.Sibling"/>, copies <c>plotly.min.js</c> beside it.
    /// Returns the full path of the page.
    /// </summary>
    public string Save(string path, PlotlyScript script = PlotlyScript.Inline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (script == PlotlyScript.Sibling)
        {
            var folder = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(folder);
            File.Copy(PlotlyJs.LocateBundle(), Path.Combine(folder, PlotlyJs.BundleFileName), overwrite: true);
        }
        return AtomicText.Write(full, ToHtml(script));
    }

    /// <inheritdoc />
    public override string ToString() => $"HtmlPage \"{Title}\": {_blocks.Count} blocks, {Figures.Count} figures";

    private static string InlineBundle()
    {
        var bundle = PlotlyJs.ReadBundle();
        if (bundle.Contains("</script", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"The plotly.js bundle at {PlotlyJs.LocateBundle()} contains '</script' and cannot be inlined; use PlotlyScript.Sibling.");
        return bundle;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text ?? throw new ArgumentNullException(nameof(text)));

    private HtmlPage With(Block block) => new(Title, _blocks.Add(block));

    private sealed record Block(string? Markup, Figure? Figure)
    {
        public static Block Html(string markup) => new(markup, null);

        public static Block Of(Figure figure) => new(null, figure);
    }
}
