using System.Text.RegularExpressions;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

public sealed class FigureHtmlTests
{
    [Fact]
    public void A_fragment_is_a_div_and_a_script_that_draws_into_it()
    {
        var figure = SampleFigures.SpxVsVix();

        var html = FigureHtml.Fragment(figure);
        var id = FigureHtml.ElementId(figure);

        Assert.Matches("^spx-figure-[0-9a-f]{16}$", id);
        Assert.StartsWith($"<div id=\"{id}\" class=\"spx-figure\" style=\"width:100%;height:450px;\"></div>\n<script>", html);
        Assert.Contains($"Plotly.newPlot(\"{id}\", figure.data, figure.layout, figure.config);", html);
        Assert.Contains(FigureJson.Serialize(figure), html);
        Assert.EndsWith("</script>", html);
    }

    [Fact]
    public void Ids_come_from_content_so_the_same_figure_gives_the_same_html()
    {
        Assert.Equal(FigureHtml.Fragment(SampleFigures.Candles()), FigureHtml.Fragment(SampleFigures.Candles()));
        Assert.NotEqual(FigureHtml.ElementId(SampleFigures.Candles()), FigureHtml.ElementId(SampleFigures.Candles().WithTitle("Other")));
        Assert.Contains("id=\"mine\"", FigureHtml.Fragment(SampleFigures.Candles(), "mine"));
    }

    [Fact]
    public void The_div_takes_the_layout_size()
    {
        var html = FigureHtml.Fragment(SampleFigures.Candles().WithLayout(layout => layout with { Width = 640, Height = 300 }));

        Assert.Contains("style=\"width:640px;height:300px;\"", html);
    }

    [Fact]
    public void The_notebook_fragment_draws_only_when_plotly_is_on_the_page()
    {
        var figure = SampleFigures.IvHeatmap();

        var html = FigureHtml.NotebookFragment(figure);

        Assert.Contains("if (window.Plotly) {", html);
        Assert.Contains("Plotly.newPlot(element, figure.data, figure.layout, figure.config);", html);
        Assert.Contains("element.textContent = \"Figure: 1 trace (heatmap), title \\u0022SPX put IV\\u0022", html);
        Assert.Contains("not loaded on this page", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void Script_breaking_titles_cannot_end_the_script_early()
    {
        var figure = SampleFigures.Candles().WithTitle("</script><script>alert(1)</script>");

        var html = FigureHtml.Fragment(figure);

        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
    }
}
