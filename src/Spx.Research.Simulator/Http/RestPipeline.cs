using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Spx.Research.Simulator.Faults;
using Spx.Research.Simulator.Generation;

namespace Spx.Research.Simulator.Http;

/// <summary>
/// The steps every REST endpoint shares, in Polygon's order: check the key (401 body), decide faults,
/// wait for the sessions the answer reads when the lake is still being generated, run the endpoint, add <c>request_id</c>, <c>next_url</c> (absolute, on this server's host) and the
/// <c>Link</c>/<c>X-Request-Id</c>/<c>X-Item-Count</c> headers, then apply body faults while writing.
/// </summary>
/// <param name="stopping">Cancelled when the server stops, so a request waiting for a session does not hold shutdown.</param>
public sealed class RestPipeline(SimulatorOptions options, FaultInjector faults, CancellationToken stopping = default)
{
    /// <summary>Plain UTF-8 on the wire (no <c>\u0027</c> escapes), as the live API writes.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions WireJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The live API's words for a plan that does not include the data (docs/polygon-api.md §1.1).</summary>
    public const string NotEntitledMessage = "You are not entitled to this data. Please upgrade your plan at https://massive.com/pricing";

    private long _requests;

    /// <summary>Requests seen so far (each gets the next <c>request_id</c>); tests use it to prove a client did not retry.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>
    /// A delegate that runs <paramref name="endpoint"/> under the pipeline as <paramref name="name"/>;
    /// <paramref name="reads"/> names the last session date the answer reads (see <see cref="SimulatorOptions.Frontier"/>).
    /// </summary>
    public RequestDelegate Wrap(string name, Func<HttpContext, RestQuery, RestPage> endpoint, Func<HttpContext, RestQuery, DateOnly> reads) =>
        context => Handle(context, name, endpoint, reads);

    private async Task Handle(HttpContext context, string name, Func<HttpContext, RestQuery, RestPage> endpoint, Func<HttpContext, RestQuery, DateOnly> reads)
    {
        var requestId = $"sim{Interlocked.Increment(ref _requests):x8}";
        context.Response.Headers["X-Request-Id"] = requestId;
        IReadOnlyList<FaultRule> firing;
        try
        {
            firing = faults.Decide(name, context.Request.Headers["X-Sim-Fault"].ToString());
        }
        catch (FormatException error)
        {
            await WriteError(context, 400, requestId, error.Message);
            return;
        }
        var fault = firing.ToDictionary(f => f.Fault, StringComparer.Ordinal);

        if (PresentedKey(context.Request) is not { } key)
        {
            await WriteError(context, 401, requestId, "API Key was not provided");
            return;
        }
        if (key != options.ApiKey || fault.ContainsKey(FaultNames.AuthFailure))
        {
            await WriteError(context, 401, requestId, "Unknown API Key");
            return;
        }
        if (fault.ContainsKey(FaultNames.NotEntitled))
        {
            await WriteNotAuthorized(context, requestId, NotEntitledMessage);
            return;
        }
        if (fault.TryGetValue(FaultNames.Timeout, out var timeout))
        {
            await Task.Delay(timeout.Int("delay", 100_000), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (context.RequestAborted.IsCancellationRequested) return;
        }
        if (fault.TryGetValue(FaultNames.Slow, out var slow))
            await Task.Delay(slow.Int("delay", 1500), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        if (fault.TryGetValue(FaultNames.RateLimit, out var rateLimit))
        {
            context.Response.Headers.RetryAfter = rateLimit.Int("retry_after", 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteError(context, 429, requestId,
                "You've exceeded the maximum requests per minute, please wait or upgrade your subscription to continue. https://polygon.io/pricing");
            return;
        }
        if (fault.TryGetValue(FaultNames.ServerError, out var serverError))
        {
            await WriteError(context, serverError.Int("status", 503), requestId, "Internal server error (simulated).");
            return;
        }

        RestPage page;
        try
        {
            var query = RestQuery.From(context.Request);
            if (options.Frontier is { } frontier)
            {
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
                await frontier.WaitThroughAsync(reads(context, query), options.SessionWait, ended.Token);
            }
            page = endpoint(context, query);
        }
        catch (SessionUnavailableException error)
        {
            if (error.Status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "1";
            await WriteError(context, error.Status, requestId, error.Message);
            return;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The client gave up waiting, or the server is stopping.
            if (!context.RequestAborted.IsCancellationRequested) await WriteError(context, 503, requestId, "The simulator is stopping.");
            return;
        }
        catch (BadRequestException error)
        {
            await WriteError(context, error.Status, requestId, error.Message);
            return;
        }
        catch (FormatException error)
        {
            await WriteError(context, 400, requestId, error.Message);
            return;
        }

        if (page.Body is JsonObject body)
        {
            if (body.ContainsKey("status")) body["request_id"] = requestId;
            var next = NextUrl(context, page, fault);
            if (next is not null)
            {
                body["next_url"] = next;
                context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
            }
            if (body["results"] is JsonArray items)
            {
                context.Response.Headers["X-Item-Count"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Drift(items, fault);
            }
        }
        else if (page.Body is JsonArray bare)
        {
            Drift(bare, fault);
        }

        var text = page.Body.ToJsonString(WireJson);
        if (fault.ContainsKey(FaultNames.Malformed))
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            text = comma >= 0 ? text.Insert(comma, ",") : text + "}";
        }
        if (fault.ContainsKey(FaultNames.Truncated)) text = text[..(text.Length / 2)];
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>The key from <c>Authorization: Bearer</c> or <c>apiKey=</c>, or null when neither is there.</summary>
    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization["Bearer ".Length..].Trim();
        return request.Query.TryGetValue("apiKey", out var key) && !string.IsNullOrEmpty(key) ? key.ToString() : null;
    }

    private static string? NextUrl(HttpContext context, RestPage page, Dictionary<string, FaultRule> fault)
    {
        var host = context.Request.Host;
        var origin = $"{context.Request.Scheme}://{host}";
        if (fault.ContainsKey(FaultNames.CursorLoop) && page.NextPathAndQuery is not null)
            return origin + ThisPathAndQuery(context.Request);
        if (page.NextPathAndQuery is not { } next) return null;
        if (fault.ContainsKey(FaultNames.DoubledPort) && host.Port is { } port) return $"{context.Request.Scheme}://{host.Host}:{port}:{port}{next}";
        if (fault.ContainsKey(FaultNames.ForeignHost)) return $"https://api.polygon.invalid:443{next}";
        return origin + next;
    }

    /// <summary>This request's path and query without the key: where a looping cursor points back to.</summary>
    private static string ThisPathAndQuery(HttpRequest request)
    {
        var query = request.Query.Where(kv => kv.Key != "apiKey").Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value.ToString())}");
        var text = string.Join('&', query);
        return request.Path + (text.Length > 0 ? "?" + text : "");
    }

    private static void Drift(JsonArray items, Dictionary<string, FaultRule> fault)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            if (fault.ContainsKey(FaultNames.DriftAdded)) item["sim_added_field"] = "drift";
            if (fault.ContainsKey(FaultNames.DriftRemoved) && item.Count > 0) item.Remove(item.Last().Key);
            if (fault.ContainsKey(FaultNames.DriftRetyped)
                && item.FirstOrDefault(p => p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number) is { Key: { } key, Value: { } value })
            {
                item[key] = value.ToJsonString();
            }
        }
    }

    /// <summary>
    /// Writes Polygon's plan-entitlement refusal: 403 <c>{"status":"NOT_AUTHORIZED","request_id":…,"message":…}</c>.
    /// The text is in <c>message</c>, not <c>error</c>, as the live API sends it, so clients must read both.
    /// </summary>
    public static Task WriteNotAuthorized(HttpContext context, string requestId, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json";
        var body = new JsonObject { ["status"] = "NOT_AUTHORIZED", ["request_id"] = requestId, ["message"] = message };
        return context.Response.WriteAsync(body.ToJsonString(WireJson), Encoding.UTF8);
    }

    /// <summary>Writes Polygon's error body <c>{"status":"ERROR","request_id":…,"error":…}</c>.</summary>
    public static Task WriteError(HttpContext context, int status, string requestId, string error)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var body = new JsonObject { ["status"] = "ERROR", ["request_id"] = requestId, ["error"] = error };
        return context.Response.WriteAsync(body.ToJsonString(WireJson), Encoding.UTF8);
    }
}
