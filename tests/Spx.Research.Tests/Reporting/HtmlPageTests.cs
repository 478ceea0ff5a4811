using System.Text;
using System.Text.RegularExpressions;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

public sealed class HtmlPageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spx-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static HtmlPage Report() =>
        new HtmlPage("SPX <daily> & VIX")
            .AddSection("Index", "Closes and volatility.\n\nSecond paragraph <b>not bold</b>.", SampleFigures.SpxVsVix())
            .AddHeading("Surface", level: 3)
            .AddFigure(SampleFigures.IvHeatmap())
            .AddHtml("<table><tr><td>trusted</td></tr></table>");

    [Fact]
    public void An_inline_page_carries_plotly_once_and_loads_nothing_from_the_network()
    {
        var html = Report().ToHtml();

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html);
        Assert.Single(Regex.Matches(html, Regex.Escape("plotly.js v4.1.2")));
        Assert.Contains(PlotlyJs.ReadBundle(), html);
        Assert.DoesNotMatch("<script[^>]*\\ssrc=", html);
        var outsideBundle = html.Replace(PlotlyJs.ReadBundle(), "", StringComparison.Ordinal);
        Assert.DoesNotContain("http", outsideBundle);
        Assert.DoesNotContain("cdn", outsideBundle, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, Regex.Matches(outsideBundle, "Plotly.newPlot").Count);
    }

    [Fact]
    public void Text_is_escaped_and_trusted_html_is_not()
    {
        var html = Report().ToHtml(PlotlyScript.Sibling);

        Assert.Contains("<title>SPX &lt;daily&gt; &amp; VIX</title>", html);
        Assert.Contains("<h1>SPX &lt;daily&gt; &amp; VIX</h1>", html);
        Assert.Contains("<h2>Index</h2>\n<p>Closes and volatility.</p>\n<p>Second paragraph &lt;b&gt;not bold&lt;/b&gt;.</p>", html);
        Assert.Contains("<h3>Surface</h3>", html);
        Assert.Contains("<table><tr><td>trusted</td></tr></table>", html);
        Assert.Equal(2, Report().Figures.Count);
    }

    [Fact]
    public void A_sibling_page_references_plotly_and_save_copies_it_beside_the_page()
    {
        var path = Report().Save(Path.Combine(_folder, "reports", "daily.html"), PlotlyScript.Sibling);

        var html = File.ReadAllText(path, Encoding.UTF8);
        var copied = Path.Combine(_folder, "reports", "plotly.min.js");
        Assert.Contains("<script src=\"plotly.min.js\"></script>", html);
        Assert.DoesNotContain("plotly.js v4.1.2", html);
        Assert.True(File.Exists(copied));
        Assert.Equal(File.ReadAllBytes(PlotlyJs.LocateBundle()), File.ReadAllBytes(copied));
        Assert.Equal(["daily.html", "plotly.min.js"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Save_writes_utf8_without_bom_and_the_same_page_gives_the_same_bytes()
    {
        var first = File.ReadAllBytes(Report().Save(Path.Combine(_folder, "a.html")));
        var second = File.ReadAllBytes(Report().Save(Path.Combine(_folder, "b.html")));

        Assert.Equal(first, second);
        Assert.NotEqual(0xEF, first[0]);
        Assert.Equal(["a.html", "b.html"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_figure_shown_twice_gets_two_ids()
    {
        var figure = SampleFigures.Candles();
        var html = new HtmlPage("twice").AddFigure(figure).AddFigure(figure).ToHtml(PlotlyScript.Sibling);
        var id = FigureHtml.ElementId(figure);

        Assert.Contains($"<div id=\"{id}\"", html);
        Assert.Contains($"<div id=\"{id}-2\"", html);
    }
}
