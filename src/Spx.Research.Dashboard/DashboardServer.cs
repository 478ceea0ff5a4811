using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spx.Research.Dashboard.Api;
using Spx.Research.Lake;

namespace Spx.Research.Dashboard;

/// <summary>
/// The monitor's live dashboard: a Kestrel server with a JSON API over the lake's <c>monitor_polls</c>,
/// <c>monitor_daily</c> and <c>alerts</c> and a static page that draws them. Host it in-process:
/// <c>await using var server = new DashboardServer(options); var url = await server.StartAsync();</c>.
/// It only reads the lake, through one shared <see cref="LakeSession"/>, so it runs beside the monitor.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly DashboardOptions _options;
    private readonly LakeReader _lake;
    private readonly DateTimeOffset _started;
    private WebApplication? _app;

    /// <summary>Prepares a dashboard; nothing listens until <see cref="StartAsync"/>.</summary>
    public DashboardServer(DashboardOptions options)
    {
        _options = options;
        _lake = new LakeReader(options.LakeRoot);
        _started = options.Clock.GetUtcNow();
    }

    /// <summary>The bound URL (<c>http://127.0.0.1:PORT/</c>) once started.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Starts listening on <see cref="Configuration.DashboardSettings.Address"/>:<see cref="Configuration.DashboardSettings.Port"/> (port 0: a free one) and returns the page's URL.</summary>
    /// <exception cref="FormatException">The address is not an IP address.</exception>
    /// <exception cref="IOException">The port is taken (Kestrel's message names it).</exception>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null) throw new InvalidOperationException("The dashboard is already started.");
        var address = IPAddress.Parse(_options.Dashboard.Address);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, _options.Dashboard.Port));
        var app = builder.Build();

        app.MapGet("/", StaticAssets.Embedded("index.html", "text/html; charset=utf-8"));
        app.MapGet("/dashboard.css", StaticAssets.Embedded("dashboard.css", "text/css; charset=utf-8"));
        app.MapGet("/dashboard.js", StaticAssets.Embedded("dashboard.js", "text/javascript; charset=utf-8"));
        app.MapGet(StaticAssets.PlotlyPath, StaticAssets.Plotly);

        app.MapGet("/api/version", Json((json, _) => VersionEndpoint.Write(json, _started)));
        app.MapGet("/api/health", Lake((json, lake, _) => HealthEndpoint.Write(json, lake, _options)));
        app.MapGet("/api/intraday/latest", Lake(IntradayEndpoints.Latest));
        app.MapGet("/api/intraday/latest/enriched", Lake((json, lake, query) => EnrichedEndpoint.Write(json, lake, query, _options)));
        app.MapGet("/api/intraday", Lake(IntradayEndpoints.Session));
        app.MapGet("/api/intraday/series", Lake(IntradayEndpoints.Series));
        app.MapGet("/api/expirations", Lake(ExpirationsEndpoint.Write));
        app.MapGet("/api/daily", Lake(DailyEndpoint.Write));
        app.MapGet("/api/alerts", Lake(AlertsEndpoint.Write));
        app.MapGet("/api/stats", Lake((json, lake, _) => StatsEndpoint.Write(json, lake)));
        app.MapFallback(context => WriteError(context, StatusCodes.Status404NotFound, $"no such page: {context.Request.Path}"));

        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Url = new UriBuilder(bound) { Host = address.ToString(), Path = "/" }.Uri;
        return Url;
    }

    /// <summary>Stops listening and closes the lake session.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
        _lake.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>An endpoint that reads the lake: 503 when there is no lake, 400 for a bad filter.</summary>
    private RequestDelegate Lake(Action<Utf8JsonWriter, LakeSession, ApiQuery> write) =>
        Json((json, query) => _lake.Read(lake =>
        {
            write(json, lake, query);
            return 0;
        }));

    /// <summary>
    /// Runs <paramref name="write"/> into a buffer and sends it whole, or sends one JSON error instead:
    /// <c>{"error": "…", "status": N}</c>, never half a body.
    /// </summary>
    private static RequestDelegate Json(Action<Utf8JsonWriter, ApiQuery> write) => async context =>
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            var query = ApiQuery.Parse(context.Request.Query);
            await using (var json = new Utf8JsonWriter(buffer))
            {
                write(json, query);
            }
        }
        catch (ApiQueryException bad)
        {
            await WriteError(context, StatusCodes.Status400BadRequest, bad.Message);
            return;
        }
        catch (LakeNotFoundException missing)
        {
            await WriteError(context, StatusCodes.Status503ServiceUnavailable, missing.Message + ": start the monitor or pass --lake");
            return;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await WriteError(context, StatusCodes.Status500InternalServerError, OneLine(failure.Message));
            return;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    };

    private static async Task WriteError(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object> { ["error"] = message, ["status"] = status }));
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
