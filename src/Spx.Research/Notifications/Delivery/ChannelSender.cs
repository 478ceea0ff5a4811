using System.Globalization;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Spx.Research.Notifications.Delivery;

/// <summary>
/// Sends one notification to one channel: a per-attempt timeout inside retries with exponential backoff and jitter
/// (a service's <c>Retry-After</c> replaces the backoff when it sends one), via Polly. Never throws for a failed send:
/// the result says what happened, in one redacted line.
/// </summary>
internal sealed class ChannelSender
{
    private const int BodyShown = 200;

    private readonly NotificationChannel _channel;
    private readonly HttpClient _http;
    private readonly NotifierOptions _options;
    private readonly int _retries;
    private readonly ResiliencePipeline<DeliveryAttempt> _pipeline;

    public ChannelSender(NotificationChannel channel, HttpClient http, NotifierOptions options, int retries)
    {
        _channel = channel;
        _http = http;
        _options = options;
        _retries = Math.Max(0, retries);
        _pipeline = BuildPipeline();
    }

    /// <summary>What one send came to.</summary>
    /// <param name="Unreachable">The last failure was a timeout or a broken connection: later messages would wait the same.</param>
    public sealed record Result(bool Delivered, int Attempts, string? Error, bool Unreachable);

    public async Task<Result> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            var answer = await _pipeline.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    return await SendOnceAsync(notification, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            if (answer.Delivered) return new Result(true, attempts, null, false);
            var tried = answer.Transient ? $" after {Tries(attempts)}" : "";
            var said = answer.Body.Length == 0 ? "" : $": {answer.Body}";
            return new Result(false, attempts, _channel.Redact($"HTTP {answer.Status}{tried}{said}"), false);
        }
        catch (TimeoutRejectedException)
        {
            return new Result(false, attempts, $"no response within {Seconds(_options.AttemptTimeout)} s, {Tries(attempts)}", true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            return new Result(false, attempts, _channel.Redact($"connection failed, {Tries(attempts)}: {OneLine(e.Message)}"), true);
        }
    }

    private async Task<DeliveryAttempt> SendOnceAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var request = _channel.Format.Build(notification, _channel);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var delivered = status is >= 200 and < 300;
        return new DeliveryAttempt(
            status,
            delivered,
            !delivered && _channel.Format.IsTransient(status),
            delivered ? null : _channel.Format.RetryAfter(status, response.Headers, body, _options.Time.GetUtcNow()),
            delivered ? "" : Shorten(OneLine(body)));
    }

    private ResiliencePipeline<DeliveryAttempt> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<DeliveryAttempt> { TimeProvider = _options.Time };
        if (_retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<DeliveryAttempt>
            {
                MaxRetryAttempts = _retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = _options.UseJitter,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException or HttpRequestException or IOException or SocketException } => !args.Context.CancellationToken.IsCancellationRequested,
                    { Result: { } result } => result.Transient,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after ? (TimeSpan?)(after > _options.MaxDelay ? _options.MaxDelay : after) : null),
                OnRetry = args =>
                {
                    var cause = args.Outcome switch
                    {
                        { Exception: TimeoutRejectedException } => $"no response within {Seconds(_options.AttemptTimeout)} s",
                        { Exception: { } e } => $"connection failed: {OneLine(e.Message)}",
                        { Result: { } r } => r.RetryAfter is null ? $"HTTP {r.Status}" : $"HTTP {r.Status} with Retry-After {Seconds(r.RetryAfter.Value)} s",
                        _ => "failed",
                    };
                    _options.Log?.Invoke(_channel.Redact(
                        $"notify {_channel.Label}: {cause}; retry {args.AttemptNumber + 1}/{_retries} in {Seconds(args.RetryDelay)} s"));
                    return default;
                },
            });
        }

        builder.AddTimeout(_options.AttemptTimeout);
        return builder.Build();
    }

    private static string Tries(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Shorten(string text) => text.Length <= BodyShown ? text : string.Concat(text.AsSpan(0, BodyShown), "…");
}
