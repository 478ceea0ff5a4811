using Microsoft.Playwright;
using Xunit;

namespace Spx.Research.Testing;

/// <summary>One Chromium per test class, launched from the Debian package through Playwright's driver.</summary>
public sealed class HeadlessBrowser : IAsyncLifetime
{
    /// <summary>The Chromium the tests drive: <c>SPX_CHROMIUM</c>, else Debian's package.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SPX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Elements plotly.js draws per trace: <c>g.trace</c> for scatter, bar and candlestick, <c>g.hm</c> for a heatmap.</summary>
    public const string DrawnTraces = ".main-svg g.trace, .main-svg g.hm";

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

    /// <summary>
    /// Opens a page served over HTTP (a loopback server under test) in a fresh context, refusing and recording
    /// every request to another origin, so a page that reaches for a CDN fails the test.
    /// </summary>
    public async Task<OpenPage> OpenUrl(Uri url)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var open = new OpenPage(page);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith(origin + "/", StringComparison.Ordinal))
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
        page.Dialog += async (_, dialog) =>
        {
            open.Errors.Add("dialog: " + dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync(url.AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
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
    public Task<string> Layout(string elementId, string expression) =>
        Page.EvaluateAsync<string>(
            $"id => {{ const gd = document.getElementById(id); const l = gd._fullLayout; return JSON.stringify({expression}); }}",
            elementId);

    public void AssertClean()
    {
        Assert.True(Errors.Count == 0, "Script errors: " + string.Join(" | ", Errors));
        Assert.True(Network.Count == 0, "Network requests: " + string.Join(" | ", Network));
    }
}
