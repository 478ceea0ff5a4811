namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// The life of the stream after the first connection: pump it until it drops, then reconnect, say so with a
/// <see cref="ReconnectedEvent"/>, re-subscribe and pump again, until we close, the server refuses us for good,
/// or the reconnects run out. Kept apart from the client so the client is only the public lifecycle.
/// </summary>
internal sealed class ReconnectLoop
{
    private readonly PolygonStreamOptions _options;
    private readonly StreamCounters _counters;
    private readonly EventOutlet _outlet;
    private readonly SubscriptionBook _subscriptions;
    private readonly SubscriptionSender _sender;
    private readonly StreamHandshake _handshake;
    private readonly StreamReconnector _reconnector;
    private readonly FramePump _pump;

    public ReconnectLoop(PolygonStreamOptions options, StreamCounters counters, EventOutlet outlet,
        SubscriptionBook subscriptions, SubscriptionSender sender, StreamHandshake handshake)
    {
        _options = options;
        _counters = counters;
        _outlet = outlet;
        _subscriptions = subscriptions;
        _sender = sender;
        _handshake = handshake;
        _reconnector = new StreamReconnector(options.Reconnect, options.TimeProvider, options.OnReconnectAttempt);
        _pump = new FramePump(outlet, subscriptions, options.ApiKey);
    }

    /// <summary>Runs until the stream ends; returns its typed error, or null for a normal end (closed or cancelled).</summary>
    /// <param name="closing">Whether we asked for the close (then a drop is not followed by a reconnect).</param>
    public async Task<PolygonStreamException?> RunAsync(StreamConnection first, Func<bool> closing, CancellationToken ct)
    {
        PolygonStreamException? error = null;
        StreamConnection? connection = first;
        try
        {
            while (true)
            {
                var ending = await _pump.RunAsync(connection, closing, ct).ConfigureAwait(false);
                _subscriptions.Detach();
                connection.Dispose();
                connection = null;
                if (closing() || ct.IsCancellationRequested) break;
                if (ending.Notice is { } notice && !_options.Reconnect.ReconnectsAfter(notice.Reason))
                {
                    error = new PolygonStreamDisconnectedException(notice.Reason, _options.ApiKey.Redact(notice.Message));
                    break;
                }
                connection = await _reconnector.ReconnectAsync(ending.Cause, _handshake.ConnectOnceAsync, ct).ConfigureAwait(false);
                var count = _counters.Reconnected();
                await _outlet.PublishAsync(new ReconnectedEvent(count, ending.Cause), ct).ConfigureAwait(false);
                await _sender.AttachAsync(connection, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested || closing())
        {
            // Disposed or closed: a normal end.
        }
        catch (PolygonStreamException e)
        {
            error = e;
        }
        catch (Exception e)
        {
            // Whatever else ends the loop reaches the consumer as the stream's error, never as a silent end.
            error = closing() ? null : new PolygonStreamException($"the stream failed: {_options.ApiKey.Redact(e.Message)}", e);
        }
        finally
        {
            _subscriptions.Detach();
            connection?.Dispose();
        }
        return error;
    }
}
