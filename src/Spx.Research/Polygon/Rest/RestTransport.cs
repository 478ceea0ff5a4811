using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// The HTTP path every REST call takes: rate-limit permit → per-attempt timeout → GET with the Bearer header,
/// then decoding, all wrapped in retries with exponential backoff and jitter (Retry-After honoured; a 2xx whose body is
/// not JSON at all counts as a transport failure); then classification into typed errors, and paging that follows
/// only the path and query of <c>next_url</c> on our own base URI.
/// Every permit is taken per attempt, so pages and retries all count against the plan.
/// </summary>
internal sealed class RestTransport : IDisposable
{
    private const int ServerTextLimit = 500;

    private readonly PolygonClientOptions _options;
    private readonly ApiKey _key;
    private readonly HttpClient _http;
    private readonly RateLimiter? _limiter;
    private readonly bool _ownsLimiter;
    private readonly string _origin;
    private readonly ResiliencePipeline<RestResponse> _retry;
    private readonly ResiliencePipeline _timeout;

    public RestTransport(PolygonClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.ApiKey);
        ArgumentNullException.ThrowIfNull(options.BaseUri);
        if (!options.BaseUri.IsAbsoluteUri) throw new ArgumentException("The base URI must be absolute, e.g. https://api.massive.com.", nameof(options));
        if (options.RequestTimeout < TimeSpan.FromMilliseconds(10) || options.RequestTimeout > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RequestTimeout, "The request timeout must be between 10 ms and 1 day.");
        }

        if (options.Retry.BaseDelay < TimeSpan.Zero || options.Retry.BaseDelay > TimeSpan.FromDays(1) || options.Retry.MaxDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Retry, "Retry delays must be between 0 and 1 day.");
        }

        _options = options;
        _key = options.ApiKey;
        _origin = options.BaseUri.GetLeftPart(UriPartial.Authority);
        var handler = options.HttpMessageHandler ?? new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler, disposeHandler: options.HttpMessageHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Spx.Research", "1.0"));
        _limiter = options.SharedRateLimiter ?? options.RatePlan.CreateLimiter();
        _ownsLimiter = options.SharedRateLimiter is null;
        _retry = BuildRetry(options);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>Base origin requests go to (for diagnostics).</summary>
    public string Origin => _origin;

    /// <summary>GETs one resource and decodes it; a missing body value is a decode error.</summary>
    public Task<T> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
        SendAsync(pathAndQuery, EndpointOf(pathAndQuery), type, cancellationToken);

    /// <summary>Streams the results of every page, following <c>next_url</c> until it is absent.</summary>
    public async IAsyncEnumerable<T> PaginateAsync<T>(
        string pathAndQuery,
        JsonTypeInfo<PolygonPage<T>> type,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var endpoint = EndpointOf(pathAndQuery);
        var seen = new HashSet<string>(StringComparer.Ordinal) { NextPageLink.Identity(pathAndQuery) };
        var next = pathAndQuery;
        var pages = 0;
        while (true)
        {
            var page = await SendAsync(next, endpoint, type, cancellationToken).ConfigureAwait(false);
            pages++;
            if (page.Results is { } results)
            {
                foreach (var item in results)
                {
                    if (item is not null) yield return item;
                }
            }

            if (string.IsNullOrWhiteSpace(page.NextUrl)) yield break;
            var link = NextPageLink.ToPathAndQuery(page.NextUrl)
                ?? throw new PolygonPaginationException(
                    _key.Redact($"GET {endpoint}: page {pages} named a next_url without a path; stopped after {pages} page(s)."), endpoint, pages);
            if (!seen.Add(NextPageLink.Identity(link)))
            {
                throw new PolygonPaginationException(
                    _key.Redact($"GET {endpoint}: page {pages} links back to a page already read (looping next_url cursor); stopped after {pages} page(s) instead of repeating records."),
                    endpoint,
                    pages);
            }

            next = link;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        if (_ownsLimiter) _limiter?.Dispose();
    }

    private string EndpointOf(string pathAndQuery) => _key.Redact(NextPageLink.PathOf(pathAndQuery));

    /// <summary>
    /// One GET through the retry pipeline, decoded inside each attempt: a 2xx whose body is not JSON at all
    /// (cut short, garbled) is retried like a 5xx, while JSON of the wrong shape fails at once (repeating it cannot help).
    /// </summary>
    private async Task<T> SendAsync<T>(string pathAndQuery, string endpoint, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        Uri uri;
        try
        {
            uri = new Uri(_origin + pathAndQuery, UriKind.Absolute);
        }
        catch (UriFormatException)
        {
            throw new PolygonApiException(_key.Redact($"GET {endpoint}: the request path is not a valid URL."), endpoint);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(EndpointKey, endpoint);
        RestResponse response;
        try
        {
            response = await _retry.ExecuteAsync(
                static async (ctx, state) =>
                {
                    await state.Transport.AcquirePermitAsync(state.Endpoint, ctx.CancellationToken).ConfigureAwait(false);
                    var answer = await state.Transport._timeout.ExecuteAsync(
                        static (s, token) => new ValueTask<RestResponse>(s.Transport.SendOnceAsync(s.Uri, token)),
                        state,
                        ctx.CancellationToken).ConfigureAwait(false);
                    return answer.IsSuccess ? state.Transport.Decode(answer, state.Type, state.Endpoint) : answer;
                },
                context,
                (Transport: this, Uri: uri, Endpoint: endpoint, Type: type)).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new PolygonTimeoutException(
                _key.Redact($"GET {endpoint} timed out after {Seconds(_options.RequestTimeout)} s on every attempt ({_options.Retry.MaxRetries} retries)."), endpoint, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            throw new PolygonServerException(
                _key.Redact($"GET {endpoint}: the connection failed on every attempt ({_options.Retry.MaxRetries} retries): {e.Message}"), endpoint, null, null, null);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.BrokenBody is { } broken) throw BrokenBodyError(response, broken, endpoint);
        return response.IsSuccess ? (T)response.Value! : throw Classify(response, endpoint);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private async Task<RestResponse> SendOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key.Reveal());
        using var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await answer.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestId = answer.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        return new RestResponse((int)answer.StatusCode, body, RetryAfterOf(answer), requestId);
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage answer)
    {
        if (answer.Headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private async ValueTask AcquirePermitAsync(string endpoint, CancellationToken cancellationToken)
    {
        if (_limiter is null) return;
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new PolygonThrottledException(
                _key.Redact($"GET {endpoint}: the client-side rate limiter refused a permit (queue full)."), endpoint, null, null, null);
        }
    }

    private static readonly ResiliencePropertyKey<string> EndpointKey = new("polygon.endpoint");

    private ResiliencePipeline<RestResponse> BuildRetry(PolygonClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<RestResponse> { TimeProvider = options.TimeProvider };
        var retry = options.Retry;
        if (retry.MaxRetries <= 0) return builder.Build();
        var maxDelay = retry.MaxDelay > TimeSpan.Zero ? retry.MaxDelay : TimeSpan.FromMinutes(2);
        builder.AddRetry(new RetryStrategyOptions<RestResponse>
        {
            MaxRetryAttempts = retry.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = retry.UseJitter,
            Delay = retry.BaseDelay,
            MaxDelay = maxDelay,
            ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: TimeoutRejectedException or HttpRequestException or IOException } => !args.Context.CancellationToken.IsCancellationRequested,
                { Result: { } result } => result.IsTransient,
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result?.RetryAfter is { } after ? (TimeSpan?)(after > maxDelay ? maxDelay : after) : null),
            OnRetry = args =>
            {
                if (options.OnRetry is { } notify)
                {
                    var endpoint = args.Context.Properties.GetValue(EndpointKey, "");
                    var reason = args.Outcome switch
                    {
                        { Exception: TimeoutRejectedException } => $"no response within {Seconds(options.RequestTimeout)} s",
                        { Exception: { } e } => _key.Redact(e.GetType().Name + ": " + e.Message),
                        { Result.BrokenBody: not null } => $"HTTP {args.Outcome.Result.Status} with a body that is not valid JSON (truncated or malformed)",
                        _ => $"HTTP {args.Outcome.Result?.Status}",
                    };
                    notify(new PolygonRetryNotice(endpoint, args.AttemptNumber, args.Outcome.Result?.Status, args.RetryDelay, reason));
                }

                return default;
            },
        });
        return builder.Build();
    }

    /// <summary>
    /// The answer with its decoded value, or marked broken when the body is not well-formed JSON. Well-formed JSON that
    /// does not fit <paramref name="type"/> throws the typed error here, so the retry strategy lets it through.
    /// </summary>
    private RestResponse Decode<T>(RestResponse response, JsonTypeInfo<T> type, string endpoint)
    {
        try
        {
            // Observed before decoding, so a drift that breaks the decoder is still reported.
            if (_options.ResultObserver is { } observe) ObserveResults(observe, response.Body, endpoint);
            return response with { Value = JsonSerializer.Deserialize(response.Body, type) ?? throw new JsonException("the body is JSON null") };
        }
        catch (JsonException e) when (!JsonSyntax.IsWellFormed(response.Body))
        {
            return response with { BrokenBody = e };
        }
        catch (JsonException e)
        {
            throw new PolygonDecodeException(
                _key.Redact($"GET {endpoint}: the response is not the expected JSON ({e.Message}); path {e.Path ?? "?"}, line {e.LineNumber}, byte {e.BytePositionInLine}."),
                endpoint,
                e.Path,
                e.BytePositionInLine,
                response.RequestId,
                null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new PolygonDecodeException(
                _key.Redact($"GET {endpoint}: the response could not be decoded ({e.GetType().Name}: {e.Message})."), endpoint, null, null, response.RequestId, null);
        }
    }

    /// <summary>Hands the observer the body's <c>results</c> (or the body itself), parsed once more only when an observer is set.</summary>
    private static void ObserveResults(Action<string, JsonElement> observe, byte[] body, string endpoint)
    {
        if (!JsonSyntax.IsWellFormed(body)) return; // a broken body is the decoder's to report (and retry)
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var results = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var found) ? found : root;
        observe(EndpointNames.Of(endpoint), results);
    }

    private PolygonDecodeException BrokenBodyError(RestResponse response, JsonException broken, string endpoint) =>
        new(
            _key.Redact($"GET {endpoint}: the {response.Status} response body was not valid JSON (truncated or malformed) on every attempt ({_options.Retry.MaxRetries} retries): {broken.Message}; path {broken.Path ?? "?"}, byte {broken.BytePositionInLine}."),
            endpoint,
            broken.Path,
            broken.BytePositionInLine,
            response.RequestId,
            null);

    private PolygonApiException Classify(RestResponse response, string endpoint)
    {
        PolygonErrorBody? body = null;
        try
        {
            if (response.Body.Length > 0) body = JsonSerializer.Deserialize(response.Body, PolygonJsonContext.Default.PolygonErrorBody);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            body = null;
        }

        var rawText = response.Body.Length == 0 ? null : Encoding.UTF8.GetString(response.Body, 0, Math.Min(response.Body.Length, ServerTextLimit)).Trim();
        var serverText = _key.Redact(body?.Text ?? (string.IsNullOrWhiteSpace(rawText) ? null : rawText));
        var text = string.IsNullOrEmpty(serverText) ? null : serverText;
        var requestId = body?.RequestId ?? response.RequestId;
        var status = response.Status;
        var said = text is null ? "" : $" Server said: {text}";
        var retries = _options.Retry.MaxRetries;
        var id = requestId is null ? "" : $" (request_id {requestId})";
        string Message(string what) => _key.Redact($"GET {endpoint}: {what}.{said}{id}");

        return status switch
        {
            401 => new PolygonAuthenticationException(Message("401 Unauthorized — the API key is missing or invalid; check MASSIVE_API_KEY (or POLYGON_API_KEY)"), endpoint, status, requestId, text),
            400 when text is not null && text.Contains("API Key", StringComparison.OrdinalIgnoreCase) =>
                new PolygonAuthenticationException(Message("400 — the API key was not accepted; check MASSIVE_API_KEY (or POLYGON_API_KEY)"), endpoint, status, requestId, text),
            403 => new PolygonEntitlementException(Message($"403 {body?.Status ?? "Forbidden"} — your plan does not include this data"), endpoint, status, requestId, text),
            404 => new PolygonNotFoundException(Message("404 Not Found"), endpoint, status, requestId, text),
            429 => new PolygonThrottledException(Message($"429 Too Many Requests, still throttled after {retries} retries — the plan's request limit is exceeded"), endpoint, status, requestId, text),
            408 or 499 or >= 500 => new PolygonServerException(Message($"{status} server error after {retries} retries"), endpoint, status, requestId, text),
            _ => new PolygonApiException(Message($"{status} request rejected"), endpoint, status, requestId, text),
        };
    }
}
