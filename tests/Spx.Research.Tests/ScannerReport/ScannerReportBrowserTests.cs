using Spx.Research.Lake;
using Spx.Research.Reporting;
using Spx.Research.ScannerReport;
using Spx.Research.Scanning;
using Spx.Research.Testing;

namespace Spx.Research.Tests.ScannerReport;

/// <summary>
/// The scanner report opened in real headless Chromium: every plot div holds drawn SVG traces, no script error,
/// no network request, and markup from the lake (a news headline, a ticker) stays text. On the bundled sample
/// lake (no <c>option_minutes</c>: the page says so instead of drawing a blank surface) and on a small lake
/// that has <c>option_minutes</c> and hostile text.
/// </summary>
public sealed class ScannerReportBrowserTests(HeadlessBrowser browser) : IClassFixture<HeadlessBrowser>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("spx-report-browser-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SampleLake => Spx.Research.Synthetic.SampleLake.Find(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("data-samples/lake not found");

    [Fact]
    public async Task On_the_sample_lake_every_chart_draws_and_the_missing_surface_is_said_in_words()
    {
        var options = new ScannerReportOptions(new MomentumScanOptions("SPY", 0.20));
        using var lake = LakeSession.Open(SampleLake);
        var data = ScannerReportReader.Read(lake, options);
        var page = ScannerReportPage.Build(data, options);

        var open = await browser.Open(page.Save(Path.Combine(_folder, "sample.html")));

        Assert.True(data.Scan.Events.Count > 100, $"the sample lake should have events, has {data.Scan.Events.Count}");
        Assert.Equal(3, page.Figures.Count); // hours, events on SPY, coverage
        await AssertEveryChartDrawn(open, page);
        var text = await open.Page.InnerTextAsync("body");
        Assert.Contains("Not drawn: this lake has no option_minutes rows for SPY in range", text);
        Assert.Equal(data.Scan.Events.Count(e => e.UnderlyingPrice is not null),
            await open.Page.EvaluateAsync<int>("id => document.getElementById(id).data[1].x.length", FigureHtml.ElementId(page.Figures[1])));
        open.AssertClean();
    }

    [Fact]
    public async Task With_option_minutes_the_surface_draws_and_hostile_text_from_the_lake_stays_text()
    {
        ReportLake.Write(_folder, withMinutes: true);
        var options = new ScannerReportOptions(new MomentumScanOptions("SPY", 0.20));
        using var lake = LakeSession.Open(_folder, ReportLake.Registry);
        var data = ScannerReportReader.Read(lake, options);
        var page = ScannerReportPage.Build(data, options);

        var open = await browser.Open(page.Save(Path.Combine(_folder, "hostile.html")));

        Assert.Equal(2, data.Scan.Events.Count);
        Assert.Equal(4, page.Figures.Count); // hours, events, surface, coverage
        Assert.Equal(new CoverageDay(ReportLake.Day, 5, 62, 60), Assert.Single(data.Coverage));
        await AssertEveryChartDrawn(open, page);
        Assert.Null(await open.Page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await open.Page.EvaluateAsync<int>("() => document.querySelectorAll('td script, td img').length"));
        var cells = await open.Page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('td')].map(td => td.textContent)");
        Assert.Contains(ReportLake.Hostile + " SPY rallies", cells);
        Assert.Contains(ReportLake.HostileTicker, cells);
        var surface = await open.Layout(FigureHtml.ElementId(page.Figures[2]), "({ rows: gd.calcdata[0][0].z.length, columns: gd.calcdata[0][0].z[0].length })");
        Assert.Equal("""{"rows":2,"columns":21}""", surface); // two expiries; strikes 570–600 over 580 in 0.25 % steps: 0.9825 … 1.0325
        open.AssertClean();
    }

    private static async Task AssertEveryChartDrawn(OpenPage open, HtmlPage page)
    {
        await open.Page.WaitForFunctionAsync("n => document.querySelectorAll('.js-plotly-plot').length === n", page.Figures.Count);
        foreach (var figure in page.Figures)
        {
            var id = FigureHtml.ElementId(figure);
            var drawn = await open.Page.EvaluateAsync<int>(
                "([id, s]) => document.getElementById(id).querySelectorAll(s).length", new[] { id, HeadlessBrowser.DrawnTraces });
            Assert.True(drawn == figure.Traces.Count, $"{figure}: {drawn} drawn traces, expected {figure.Traces.Count}");
        }
    }
}
