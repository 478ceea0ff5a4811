using System.Net.WebSockets;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Sends subscription changes and the re-subscription of a new connection through one gate, and waits for the
/// server's replies. One sender at a time: a change made while a new connection is attached goes out after the
/// re-subscription on it, never before (an unsubscribe overtaken would be undone).
/// </summary>
internal sealed class SubscriptionSender(SubscriptionBook subscriptions, PolygonStreamOptions options)
{
    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>
    /// Records the change, sends it on the live connection (if any) and returns the server's answer per topic; a reply
    /// that does not come in time, or that nobody will send, is answered here with a status saying why.
    /// </summary>
    public async Task<IReadOnlyList<SubscriptionResult>> ChangeAsync(string[] topics, bool subscribe, CancellationToken cancellationToken)
    {
        var (pending, sent) = await SendAsync(topics, subscribe, cancellationToken).ConfigureAwait(false);
        if (!sent && !subscribe)
            subscriptions.Settle(pending, "not_sent", "the connection dropped before the unsubscribe was sent; the topic will not be re-subscribed");

        try
        {
            await Task.WhenAll(pending.Select(p => p.Result)).WaitAsync(options.ReplyTimeout, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            subscriptions.Settle(pending, "timeout", $"no reply within {options.ReplyTimeout}");
        }
        catch (OperationCanceledException)
        {
            subscriptions.Settle(pending, "cancelled", "the caller stopped waiting");
            throw;
        }
        return [.. pending.Select(p => p.Result.Result)];
    }

    /// <summary>
    /// Makes <paramref name="connection"/> the one changes go out on and sends it the remembered topics first. A send
    /// that fails here means the connection is already dropping: the pump sees it end and the next attach re-sends.
    /// </summary>
    public async Task AttachAsync(StreamConnection connection, CancellationToken ct)
    {
        await _sending.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var topics = subscriptions.Attach(connection);
            if (topics.Length > 0) await connection.SendActionAsync("subscribe", string.Join(',', topics), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Dropping already; see above.
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Records the change and sends it on the live connection, if any; returns the pending replies and whether it went out.</summary>
    private async Task<(List<PendingReply> Pending, bool Sent)> SendAsync(string[] topics, bool subscribe, CancellationToken ct)
    {
        await _sending.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (pending, live) = subscriptions.Change(topics, subscribe);
            if (live is null) return (pending, false);
            try
            {
                await live.SendActionAsync(subscribe ? "subscribe" : "unsubscribe", string.Join(',', topics), ct).ConfigureAwait(false);
                return (pending, true);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection is dropping; the reconnect re-sends remembered subscriptions and answers them.
                return (pending, false);
            }
        }
        finally
        {
            _sending.Release();
        }
    }
}
