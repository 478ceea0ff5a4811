using Microsoft.Playwright;
using Spx.Research.Reporting;

namespace Spx.Research.Tests.Reporting;

/// <summary>
/// Opens saved reports in a real headless Chromium (Debian's, driven by Playwright; no browser download) and
/// checks that plotly.js 4.1.2 accepts and draws every figure kind: <c>Plotly.validate</c> reports nothing,
/// each plot holds as many drawn traces as the figure has, no script error is raised, and the page asks the
/// network for nothing. Chromium missing is a failure, not a skip: install it with
/// <c>apt-get install -y chromium</c> or point <c>SPX_CHROMIUM</c> at one.
/// </summary>
public sealed class BrowserRenderTests(BrowserRenderTests.Browser browser) : IClassFixture<BrowserRenderTests.Browser>, IDisposable
{
    /// <summary>The Chromium the tests drive: <c>SPX_CHROMIUM</c>, else Debian's package.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SPX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Elements plotly.js draws per trace: <c>g.trace</c> for scatter, bar and candlestick, <c>g.hm</c> for a heatmap.</summary>
    private const string DrawnTraces = ".main-svg g.trace, .main-svg g.hm";

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

        var line = await page.Layout(spx, "({ x: l.xaxis.type, y2: l.yaxis2.overlaying + ' ' + l.yaxis2.side, title: l.title.text })");
        var heat = await page.Layout(heatmap, "({ y: l.yaxis.type, rows: gd.calcdata[0][0].z.length, columns: gd.calcdata[0][0].z[0].length, cell: gd.calcdata[0][0].z[0][1] })");
        var candle = await page.Layout(candles, "({ slider: l.xaxis.rangeslider ? l.xaxis.rangeslider.visible : false, breaks: l.xaxis.rangebreaks.length })");

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

    /// <summary>One Chromium for the class, launched from the Debian package through Playwright's driver.</summary>
    public sealed class Browser : IAsyncLifetime
    {
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public async Task InitializeAsync()
        {
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException(
                    $"Chromium not found at {ChromiumPath}. The browser tests need it: 'apt-get install -y chromium', " +
                    "or set SPX_CHROMIUM to a Chromium executable.");
            }
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
            });
        }

        /// <summary>Opens a saved page in a fresh context, refusing and recording every request that is not a local file.</summary>
        public async Task<OpenPage> Open(string path)
        {
            var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            var open = new OpenPage(page);
            await page.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                }
                else
                {
                    open.Network.Add(route.Request.Url);
                    await route.AbortAsync();
                }
            });
            page.PageError += (_, error) => open.Errors.Add(error);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                    open.Errors.Add(message.Text);
            };
            await page.GotoAsync(new Uri(path).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
            return open;
        }

        public async Task DisposeAsync()
        {
            if (_browser is not null)
                await _browser.DisposeAsync();
            _playwright?.Dispose();
        }
    }

    /// <summary>A loaded page and what it did that a report must never do.</summary>
    public sealed class OpenPage(IPage page)
    {
        public IPage Page { get; } = page;

        public List<string> Errors { get; } = [];

        public List<string> Network { get; } = [];

        /// <summary>A layout fact as JSON: <paramref name="expression"/> sees <c>gd</c> (the plot div) and <c>l</c> (its full layout).</summary>
        public Task<string> Layout(Figure figure, string expression) =>
            Page.EvaluateAsync<string>(
                $"id => {{ const gd = document.getElementById(id); const l = gd._fullLayout; return JSON.stringify({expression}); }}",
                FigureHtml.ElementId(figure));

        public void AssertClean()
        {
            Assert.True(Errors.Count == 0, "Script errors: " + string.Join(" | ", Errors));
            Assert.True(Network.Count == 0, "Network requests: " + string.Join(" | ", Network));
        }
    }
}
