using System.Net.WebSockets;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Receives on one authenticated connection until it ends: every event goes to the consumer, subscription
/// replies also settle what <see cref="SubscriptionBook"/> awaits, and a disconnect notice is remembered so
/// the client can decide whether to reconnect.
/// </summary>
internal sealed class FramePump(EventOutlet outlet, SubscriptionBook subscriptions, ApiKey key)
{
    /// <summary>Why a connection ended: the server's announced reason (if any) and a key-free cause.</summary>
    public sealed record Ending(DisconnectNoticeEvent? Notice, string Cause);

    /// <param name="closing">Whether we asked for the close (then the server's close is not answered again).</param>
    public async Task<Ending> RunAsync(StreamConnection connection, Func<bool> closing, CancellationToken ct)
    {
        DisconnectNoticeEvent? notice = null;
        while (true)
        {
            List<StreamEvent>? events;
            try
            {
                events = await connection.ReceiveAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException
                                          || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                return new Ending(notice, $"connection lost: {key.Redact(e.Message)}");
            }
            if (events is null)
            {
                if (!closing()) await connection.AnswerCloseAsync(ct).ConfigureAwait(false);
                return new Ending(notice, $"server closed the connection ({connection.CloseText(key)})");
            }
            foreach (var ev in events)
            {
                switch (ev)
                {
                    case DisconnectNoticeEvent n:
                        notice = n;
                        break;
                    case StatusEvent { Status: not ("connected" or "auth_success" or "auth_failed" or "auth_timeout") } status:
                        subscriptions.Match(status);
                        break;
                }
                await outlet.PublishAsync(ev, ct).ConfigureAwait(false);
            }
        }
    }
}
