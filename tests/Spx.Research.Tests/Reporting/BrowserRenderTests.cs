using Microsoft.Playwright;
using Spx.Research.Reporting;
using Spx.Research.Testing;

namespace Spx.Research.Tests.Reporting;

/// <summary>
/// Opens saved reports in a real headless Chromium (Debian's, driven by Playwright; no browser download) and
/// checks that plotly.js 4.1.2 accepts and draws every figure kind: <c>Plotly.validate</c> reports nothing,
/// each plot holds as many drawn traces as the figure has, no script error is raised, and the page asks the
/// network for nothing. Chromium missing is a failure, not a skip: install it with
/// <c>apt-get install -y chromium</c> or point <c>SPX_CHROMIUM</c> at one.
/// </summary>
public sealed class BrowserRenderTests(HeadlessBrowser browser) : IClassFixture<HeadlessBrowser>, IDisposable
{
    private const string DrawnTraces = HeadlessBrowser.DrawnTraces;

    private readonly string _folder = Directory.CreateTempSubdirectory("spx-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_figure_kind_passes_plotly_validate()
    {
        var page = await browser.Open(new HtmlPage("validate").Save(Path.Combine(_folder, "validate.html"), PlotlyScript.Sibling));

        foreach (var (name, figure) in SampleFigures.All())
        {
            var errors = await page.Page.EvaluateAsync<string>(
                "json => { const f = JSON.parse(json); return JSON.stringify(Plotly.validate(f.data, f.layout) || []); }",
                FigureJson.Serialize(figure));

            Assert.True(errors == "[]", $"{name}: Plotly.validate reported {errors}");
        }

        // The check has teeth: plotly.js 4 rejects the string titles and hsv() colours of older plotly versions.
        var control = await page.Page.EvaluateAsync<string>(
            "() => JSON.stringify(Plotly.validate([{ type: 'scatter', x: [1], y: [1], line: { color: 'hsv(0,100%,100%)' } }], { title: 'bare' }) || [])");
        Assert.Contains("\"path\":[\"title\"]", control);
        Assert.Contains("\"color\"", control);
        page.AssertClean();
    }

    [Fact]
    public async Task A_self_contained_report_draws_every_trace_of_every_figure()
    {
        var figures = SampleFigures.All();
        var report = figures.Aggregate(new HtmlPage("All figure kinds"), (page, figure) => page.AddHeading(figure.Key).AddFigure(figure.Value));
        var page = await browser.Open(report.Save(Path.Combine(_folder, "all.html")));

        await page.Page.WaitForFunctionAsync($"n => document.querySelectorAll('.js-plotly-plot').length === n", figures.Count);

        foreach (var (name, figure) in figures)
        {
            var id = FigureHtml.ElementId(figure);
            var drawn = await page.Page.EvaluateAsync<int>(
                "([id, selector]) => document.getElementById(id).querySelectorAll(selector).length", new[] { id, DrawnTraces });
            var plotted = await page.Page.EvaluateAsync<int>("id => document.getElementById(id)._fullData.length", id);

            Assert.True(drawn == figure.Traces.Count, $"{name}: {drawn} drawn traces, expected {figure.Traces.Count}");
            Assert.Equal(figure.Traces.Count, plotted);
        }
        page.AssertClean();
    }

    [Fact]
    public async Task Plotly_reads_the_axes_the_way_they_were_meant()
    {
        var spx = SampleFigures.SpxVsVix();
        var heatmap = SampleFigures.IvHeatmap();
        var candles = SampleFigures.Candles();
        var report = new HtmlPage("axes").AddFigure(spx).AddFigure(heatmap).AddFigure(candles);
        var page = await browser.Open(report.Save(Path.Combine(_folder, "axes.html"), PlotlyScript.Sibling));
        await page.Page.WaitForFunctionAsync("() => document.querySelectorAll('.js-plotly-plot').length === 3");

        var line = await page.Layout(FigureHtml.ElementId(spx), "({ x: l.xaxis.type, y2: l.yaxis2.overlaying + ' ' + l.yaxis2.side, title: l.title.text })");
        var heat = await page.Layout(FigureHtml.ElementId(heatmap), "({ y: l.yaxis.type, rows: gd.calcdata[0][0].z.length, columns: gd.calcdata[0][0].z[0].length, cell: gd.calcdata[0][0].z[0][1] })");
        var candle = await page.Layout(FigureHtml.ElementId(candles), "({ slider: l.xaxis.rangeslider ? l.xaxis.rangeslider.visible : false, breaks: l.xaxis.rangebreaks.length })");

        Assert.Equal("""{"x":"date","y2":"y right","title":"SPX vs VIX"}""", line);
        Assert.Equal("""{"y":"category","rows":3,"columns":3,"cell":0.219}""", heat);
        Assert.Equal("""{"slider":false,"breaks":1}""", candle);
        page.AssertClean();
    }

    [Fact]
    public async Task The_notebook_fragment_draws_with_plotly_and_leaves_a_note_without()
    {
        var figure = SampleFigures.PutSmile();
        var body = FigureHtml.NotebookFragment(figure);
        File.Copy(PlotlyJs.LocateBundle(), Path.Combine(_folder, PlotlyJs.BundleFileName));
        var with = Path.Combine(_folder, "with.html");
        var without = Path.Combine(_folder, "without.html");
        File.WriteAllText(with, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script src=\"plotly.min.js\"></script></head><body>{body}</body></html>");
        File.WriteAllText(without, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>");
        var id = FigureHtml.ElementId(figure);

        var drawnPage = await browser.Open(with);
        await drawnPage.Page.WaitForFunctionAsync("id => document.getElementById(id).classList.contains('js-plotly-plot')", id);
        var notePage = await browser.Open(without);
        var note = await notePage.Page.EvaluateAsync<string>("id => document.getElementById(id).textContent", id);

        Assert.Equal(2, await drawnPage.Page.EvaluateAsync<int>("([id, s]) => document.getElementById(id).querySelectorAll(s).length", new[] { id, DrawnTraces }));
        Assert.StartsWith("Figure: 2 traces (scatter, scatter)", note);
        Assert.Contains("plotly.js is not loaded", note);
        drawnPage.AssertClean();
        notePage.AssertClean();
    }
}
