using Microsoft.AspNetCore.Http;
using Spx.Research.Reporting;

namespace Spx.Research.Dashboard;

/// <summary>
/// The page's files: <c>index.html</c>, <c>dashboard.css</c> and <c>dashboard.js</c> are embedded in this
/// assembly (so a published CLI carries them), and plotly.js is the core's bundled copy
/// (<see cref="PlotlyJs.LocateBundle"/>). Nothing comes from a CDN: the page works on an offline server.
/// </summary>
internal static class StaticAssets
{
    /// <summary>Where the page loads plotly.js from.</summary>
    public const string PlotlyPath = "/lib/plotly.min.js";

    /// <summary>
    /// Scripts and styles from this server only; plotly.js sets inline styles on its SVG, hence
    /// <c>'unsafe-inline'</c> for styles (never for scripts). A stray <c>&lt;script&gt;</c> in data could not run.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Serves the embedded file <c>wwwroot/<paramref name="name"/></c>.</summary>
    public static RequestDelegate Embedded(string name, string contentType) => async context =>
    {
        await using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"wwwroot/{name} is not embedded in {typeof(StaticAssets).Assembly.GetName().Name}");
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    };

    /// <summary>Serves the core's plotly.js bundle; cacheable, since its version is pinned.</summary>
    public static async Task Plotly(HttpContext context)
    {
        context.Response.ContentType = "text/javascript; charset=utf-8";
        context.Response.Headers.CacheControl = "public, max-age=86400";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await context.Response.SendFileAsync(PlotlyJs.LocateBundle(), context.RequestAborted);
    }
}
