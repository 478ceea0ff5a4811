using Microsoft.Playwright;
using Spx.Research.Testing;
using static Spx.Research.Dashboard.Tests.DashboardLake;
using static Spx.Research.Dashboard.Tests.TwoSessions;

namespace Spx.Research.Dashboard.Tests;

/// <summary>
/// The page in a real headless Chromium (Debian's, through Playwright) against a running dashboard on loopback:
/// it loads with the lake's data and draws both charts, the expiration filter filters, a poll written to the
/// lake appears after a refresh, hostile text is shown as text, and there are no console errors and no
/// requests off the server. Chromium missing is a failure: <c>apt-get install -y chromium</c> or set <c>SPX_CHROMIUM</c>.
/// </summary>
public sealed class PageTests(HeadlessBrowser browser) : IClassFixture<HeadlessBrowser>, IAsyncLifetime
{
    private readonly DashboardLake _lake = new();
    private RunningDashboard _dashboard = null!;

    public async Task InitializeAsync()
    {
        TwoSessions.Write(_lake);
        _dashboard = await RunningDashboard.Start(_lake.Root, now: Latest.AddMinutes(5));
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        _lake.Dispose();
    }

    /// <summary>Opens the page and waits for its first complete render.</summary>
    private async Task<OpenPage> Open(string path = "/")
    {
        var page = await browser.OpenUrl(new Uri(_dashboard.Url, path));
        await page.Page.WaitForFunctionAsync("() => document.body.dataset.refreshes === '1'");
        return page;
    }

    private static Task<string[]> Column(IPage page, string table, int column) =>
        page.EvalOnSelectorAllAsync<string[]>($"#{table} tbody tr", $"rows => rows.map(r => r.cells[{column}].textContent)");

    [Fact]
    public async Task The_page_loads_with_the_lakes_data_and_draws_both_charts()
    {
        var open = await Open();
        var page = open.Page;

        Assert.Equal([Busy, Dormant, Thin], await Column(page, "latest", 0)); // flagged first, then by volume
        Assert.Equal(["600", "120", "45"], await Column(page, "latest", 4));
        Assert.Equal(["+500", "+120", "-5"], await Column(page, "latest", 9));
        Assert.Equal(["volume deltaday over day", "dormancy", ""], await Column(page, "latest", 12));
        Assert.Equal("6,010.00", await page.TextContentAsync("#spot"));
        Assert.Equal("10:15 ET", await page.TextContentAsync("#poll"));
        Assert.Equal("market open · closes 16:00", await page.TextContentAsync("#market-text"));
        Assert.Equal("dot ok", await page.GetAttributeAsync("#health-dot", "class"));
        Assert.Equal([Busy], await Column(page, "alerts", 2));
        Assert.Equal(["2025-03-04"], await Column(page, "daily", 0));
        // Each contract's sparkline has a point per poll of the day.
        var sparkPoints = await page.EvalOnSelectorAllAsync<int[]>("#latest tbody tr", "rows => rows.map(r => r.querySelector('svg.spark polyline').getAttribute('points').split(' ').length)");
        Assert.Equal([2, 2, 2], sparkPoints);
        // Plotly drew two expiries' bars by strike and one movers trace.
        Assert.Equal(2, await page.Locator("#chart-strikes").Locator(HeadlessBrowser.DrawnTraces).CountAsync());
        Assert.Equal(1, await page.Locator("#chart-movers").Locator(HeadlessBrowser.DrawnTraces).CountAsync());
        Assert.Equal(["2025-04-04", "2025-04-18"], await page.EvalOnSelectorAllAsync<string[]>("#expiry option", "o => o.map(x => x.value).filter(v => v)"));
        open.AssertClean();
    }

    [Fact]
    public async Task The_expiration_filter_shows_only_that_expiration_and_all_again()
    {
        var open = await Open();
        var page = open.Page;

        await page.SelectOptionAsync("#expiry", "2025-04-18");
        await page.WaitForFunctionAsync("() => document.body.dataset.refreshes === '2'");
        Assert.Equal([Dormant], await Column(page, "latest", 0));
        Assert.Equal(1, await page.Locator("#chart-strikes").Locator(HeadlessBrowser.DrawnTraces).CountAsync());
        Assert.EndsWith("?expiry=2025-04-18", page.Url);

        await page.SelectOptionAsync("#expiry", "");
        await page.WaitForFunctionAsync("() => document.body.dataset.refreshes === '3'");
        Assert.Equal(3, (await Column(page, "latest", 0)).Length);
        open.AssertClean();
    }

    [Fact]
    public async Task A_new_poll_written_to_the_lake_appears_after_a_refresh()
    {
        var open = await Open();
        var page = open.Page;
        Assert.Equal("2025-03-05T15:15:00Z", await page.EvaluateAsync<string>("() => document.body.dataset.poll"));

        _lake.WritePolls(
            new Poll(Et(Wednesday, 10, 30), Busy, April4, 5800, 900, 300),
            new Poll(Et(Wednesday, 10, 30), Thin, April4, 5900, 47, 2));
        await page.Keyboard.PressAsync("r");
        await page.WaitForFunctionAsync("() => document.body.dataset.refreshes === '2'");

        Assert.Equal("2025-03-05T15:30:00Z", await page.EvaluateAsync<string>("() => document.body.dataset.poll"));
        Assert.Equal("10:30 ET", await page.TextContentAsync("#poll"));
        Assert.Equal([Busy, Thin], await Column(page, "latest", 0));
        Assert.Equal(["900", "47"], await Column(page, "latest", 4));
        open.AssertClean();
    }

    [Fact]
    public async Task The_page_refreshes_itself_at_the_configured_interval()
    {
        await using var fast = await RunningDashboard.Start(_lake.Root, now: Latest.AddMinutes(5), refresh: TimeSpan.FromSeconds(2));
        var open = await browser.OpenUrl(fast.Url);

        // No key pressed: the third render can only come from the timer.
        await open.Page.WaitForFunctionAsync("() => Number(document.body.dataset.refreshes) >= 3");
        open.AssertClean();
    }

    [Fact]
    public async Task Hostile_text_from_the_lake_is_shown_as_text_and_never_run()
    {
        const string ticker = "O:SPXW<img src=x onerror=\"document.body.dataset.pwned=1\">";
        const string message = "<script>document.body.dataset.pwned=2</script><b>bold?</b>";
        _lake.WritePolls(new Poll(Et(Wednesday, 10, 30), ticker, April4, 5800, 600, 450));
        _lake.WriteAlerts(new Alert(Et(Wednesday, 10, 30), "volume_delta", ticker, April4, 5800, 600, 450, message));

        var open = await Open();
        var page = open.Page;

        Assert.Equal([ticker], await Column(page, "latest", 0));
        Assert.Equal(ticker, (await Column(page, "alerts", 2))[0]);
        Assert.Equal(message, (await Column(page, "alerts", 5))[0]);
        Assert.Equal(0, await page.Locator("#latest img, #alerts img, #alerts b, #alerts script").CountAsync());
        Assert.Null(await page.EvaluateAsync<string?>("() => document.body.dataset.pwned ?? null"));
        open.AssertClean();
    }

    [Fact]
    public async Task Keyboard_shortcuts_open_help_and_focus_the_filter()
    {
        var open = await Open();
        var page = open.Page;

        await page.Keyboard.PressAsync("?");
        Assert.True(await page.IsVisibleAsync("#help"));
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.IsVisibleAsync("#help"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("expiry", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        open.AssertClean();
    }

    [Fact]
    public async Task A_missing_lake_shows_the_servers_error_on_the_page()
    {
        await using var missing = await RunningDashboard.Start(Path.Combine(_lake.Root, "not-there"));
        var open = await browser.OpenUrl(missing.Url);
        await open.Page.WaitForFunctionAsync("() => document.body.dataset.refreshes === '1'");

        Assert.StartsWith("no lake at ", await open.Page.TextContentAsync("#banner"));
        Assert.Equal("monitor unavailable", await open.Page.TextContentAsync("#health-text"));
        // The 503s themselves are logged by Chromium as failed loads; nothing else may be.
        Assert.All(open.Errors, e => Assert.Contains("503", e));
        Assert.Empty(open.Network);
    }
}
