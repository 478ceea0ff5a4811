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
        // Its thousands of events are more than the default cap: the chart marks windows, and every event is in one.
        var priced = data.Scan.Events.Count(e => e.UnderlyingPrice is not null);
        Assert.True(priced > EventMarkers.DefaultCap, $"the sample lake should have more events than the cap, has {priced}");
        Assert.NotNull(data.Markers.WindowMinutes);
        Assert.Equal(priced, data.Markers.Markers.Sum(m => m.Count));
        Assert.InRange(await MarkersDrawn(open, page), 1, EventMarkers.DefaultCap);
        Assert.Equal(data.Markers.Markers.Count, await MarkersDrawn(open, page));
        Assert.Contains($"{priced:N0} events with an underlying price, more than the 2,000 the chart marks one by one", text);
        open.AssertClean();
    }

    [Fact]
    public async Task With_fewer_events_than_the_cap_each_has_its_marker()
    {
        ReportLake.Write(_folder, withMinutes: false);
        var options = new ScannerReportOptions(new MomentumScanOptions("SPY", 0.20));
        using var lake = LakeSession.Open(_folder, ReportLake.Registry);
        var data = ScannerReportReader.Read(lake, options);
        var page = ScannerReportPage.Build(data, options);

        var open = await browser.Open(page.Save(Path.Combine(_folder, "each.html")));

        Assert.Null(data.Markers.WindowMinutes);
        await AssertEveryChartDrawn(open, page);
        Assert.Equal(2, await MarkersDrawn(open, page));
        Assert.Contains("2 events with an underlying price, a marker each.", await open.Page.InnerTextAsync("body"));
        open.AssertClean();
    }

    [Fact]
    public async Task Past_the_cap_a_marker_stands_for_a_window_and_its_hover_keeps_lake_text_as_text()
    {
        ReportLake.Write(_folder, withMinutes: false);
        var options = new ScannerReportOptions(new MomentumScanOptions("SPY", 0.20), MaxEventMarkers: 1);
        using var lake = LakeSession.Open(_folder, ReportLake.Registry);
        var data = ScannerReportReader.Read(lake, options);
        var page = ScannerReportPage.Build(data, options);

        var open = await browser.Open(page.Save(Path.Combine(_folder, "capped.html")));

        // The two events trigger at 14:31 and 14:33 UTC: two 1-minute windows, one 5-minute window.
        Assert.Equal(5, data.Markers.WindowMinutes);
        var marker = Assert.Single(data.Markers.Markers);
        Assert.Equal(2, marker.Count);
        Assert.Equal(0.30, marker.Largest.MaxReturn!.Value, 1e-12); // the 1.30 close over the 1.00 open, not the later 1.25
        await AssertEveryChartDrawn(open, page);
        Assert.Equal(1, await MarkersDrawn(open, page));
        Assert.Contains("2 events with an underlying price, more than the 1 the chart marks one by one: a marker stands for the events triggered in one 5-minute window (1 marker)",
            await open.Page.InnerTextAsync("body"));

        var id = FigureHtml.ElementId(page.Figures[1]);
        await open.Page.EvaluateAsync("id => Plotly.Fx.hover(id, [{ curveNumber: 1, pointNumber: 0 }])", id);
        var hover = await open.Page.EvaluateAsync<string>("id => document.getElementById(id).querySelector('.hovertext').textContent", id);
        Assert.Contains("2 events in this 5-minute window; largest O:SPY", hover);
        Assert.Contains("1 bars, peak 30.0 %", hover);
        Assert.Equal(0, await open.Page.EvaluateAsync<int>("id => document.getElementById(id).querySelectorAll('script, img').length", id));
        Assert.Null(await open.Page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        open.AssertClean();
    }

    /// <summary>How many event markers the events chart (the page's second figure) holds.</summary>
    private static Task<int> MarkersDrawn(OpenPage open, HtmlPage page) =>
        open.Page.EvaluateAsync<int>("id => document.getElementById(id).data[1].x.length", FigureHtml.ElementId(page.Figures[1]));

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
