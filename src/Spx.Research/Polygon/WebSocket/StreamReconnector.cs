using Polly;
using Polly.Retry;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Reconnects after a drop with a Polly retry pipeline: Polly counts the attempts, waits between them on the
/// options' clock (cancellable), and decides what is worth another try; <see cref="StreamReconnectPolicy.DelayBefore"/>
/// gives each wait, because Polly's built-in exponential backoff fixes the factor at 2 and its jitter is
/// decorrelated, which would ignore the policy's <c>Multiplier</c> and <c>Jitter</c>.
/// </summary>
/// <remarks>
/// The pipeline starts from the drop itself: its first outcome is "no connection" (null), so Polly waits
/// before the first attempt as well, and every attempt is one of Polly's retries.
/// </remarks>
internal sealed class StreamReconnector
{
    private static readonly ResiliencePropertyKey<string> CauseKey = new("polygon.stream.cause");

    private readonly StreamReconnectPolicy _policy;
    private readonly ResiliencePipeline<StreamConnection?> _pipeline;

    public StreamReconnector(StreamReconnectPolicy policy, TimeProvider time, Action<StreamReconnectNotice>? notify)
    {
        _policy = policy;
        var builder = new ResiliencePipelineBuilder<StreamConnection?> { TimeProvider = time };
        if (policy.MaxAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<StreamConnection?>
            {
                MaxRetryAttempts = policy.MaxAttempts,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e
                    ? IsWorthRetrying(e) && !args.Context.CancellationToken.IsCancellationRequested
                    : args.Outcome.Result is null),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(policy.DelayBefore(args.AttemptNumber + 1, Random.Shared)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? args.Context.Properties.GetValue(CauseKey, "");
                    notify?.Invoke(new StreamReconnectNotice(args.AttemptNumber + 1, policy.MaxAttempts, args.RetryDelay, reason));
                    return default;
                },
            });
        }
        _pipeline = builder.Build();
    }

    /// <summary>
    /// A new authenticated connection, made by <paramref name="connect"/> within the policy's attempts. Refusals that
    /// another attempt would only repeat (bad key, <c>max_connections</c>, <c>force_disconnect</c>) are thrown as they come.
    /// </summary>
    /// <param name="cause">Why the last connection ended (key-free), for the notices and the final error.</param>
    /// <param name="connect">One attempt; its failures must be <see cref="PolygonStreamException"/>s with key-free messages.</param>
    /// <exception cref="PolygonStreamReconnectException">Every attempt failed; the last failure is the inner exception.</exception>
    public async Task<StreamConnection> ReconnectAsync(string cause, Func<CancellationToken, Task<StreamConnection>> connect, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(CauseKey, cause);
        var attempt = new Attempts(connect);
        try
        {
            var connection = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.NextAsync(ctx.CancellationToken),
                context,
                attempt).ConfigureAwait(false);
            return connection ?? throw new PolygonStreamReconnectException(_policy.MaxAttempts, cause, null);
        }
        catch (Exception e) when (IsWorthRetrying(e) && !ct.IsCancellationRequested)
        {
            throw new PolygonStreamReconnectException(_policy.MaxAttempts, cause, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool IsWorthRetrying(Exception e) => e switch
    {
        PolygonStreamAuthException => false,
        PolygonStreamDisconnectedException refused => _policy.ReconnectsAfter(refused.Reason),
        _ => true,
    };

    /// <summary>The pipeline's callback state: the first call is the drop (no connection), each later one an attempt.</summary>
    private sealed class Attempts(Func<CancellationToken, Task<StreamConnection>> connect)
    {
        private bool _dropped;

        public async ValueTask<StreamConnection?> NextAsync(CancellationToken ct)
        {
            if (!_dropped)
            {
                _dropped = true;
                return null;
            }
            return await connect(ct).ConfigureAwait(false);
        }
    }
}
