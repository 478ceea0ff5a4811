namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Opens a connection and authenticates it: wait for <c>connected</c> (or <c>success</c>), send the key, wait
/// for <c>auth_success</c>, all within <see cref="PolygonStreamOptions.HandshakeTimeout"/>. The handshake's
/// status events reach the consumer like any other.
/// </summary>
internal sealed class StreamHandshake(PolygonStreamOptions options, RedactingFrameDecoder decoder, StreamCounters counters, EventOutlet outlet)
{
    /// <summary>
    /// One connect + handshake; any failure other than cancellation is a key-free <see cref="PolygonStreamException"/>,
    /// so the first connection and every reconnect attempt fail the same way.
    /// </summary>
    /// <exception cref="PolygonStreamAuthException"><c>auth_failed</c> or <c>auth_timeout</c>.</exception>
    /// <exception cref="PolygonStreamDisconnectedException">The server refused the connection, e.g. <c>max_connections</c>.</exception>
    /// <exception cref="PolygonStreamException">The server could not be reached, closed the connection or did not finish the handshake in time.</exception>
    public async Task<StreamConnection> ConnectOnceAsync(CancellationToken ct)
    {
        try
        {
            return await HandshakeAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (PolygonStreamException or OperationCanceledException))
        {
            throw new PolygonStreamException($"could not connect to {options.Endpoint}: {options.ApiKey.Redact(e.Message)}", e);
        }
    }

    private async Task<StreamConnection> HandshakeAsync(CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        StreamConnection? connection = null;
        try
        {
            connection = await StreamConnection.OpenAsync(options.Endpoint, decoder, counters, options.MaxMessageBytes, linked.Token).ConfigureAwait(false);
            var authSent = false;
            while (true)
            {
                var events = await connection.ReceiveAsync(linked.Token).ConfigureAwait(false)
                    ?? throw new PolygonStreamException($"the server closed the connection during the handshake ({connection.CloseText(options.ApiKey)})");
                var authenticated = false;
                foreach (var ev in events)
                {
                    switch (ev)
                    {
                        case StatusEvent { Status: "connected" or "success" } when !authSent:
                            await connection.SendActionAsync("auth", options.ApiKey.Reveal(), linked.Token).ConfigureAwait(false);
                            authSent = true;
                            break;
                        case StatusEvent { Status: "auth_success" }:
                            authenticated = true;
                            break;
                        case StatusEvent { Status: "auth_failed" or "auth_timeout" } failed:
                            await outlet.PublishAsync(ev, linked.Token).ConfigureAwait(false);
                            throw new PolygonStreamAuthException(failed.Status, options.ApiKey.Redact(failed.Message));
                        case DisconnectNoticeEvent notice:
                            await outlet.PublishAsync(ev, linked.Token).ConfigureAwait(false);
                            throw new PolygonStreamDisconnectedException(notice.Reason, options.ApiKey.Redact(notice.Message));
                    }
                    await outlet.PublishAsync(ev, linked.Token).ConfigureAwait(false);
                }
                if (authenticated) return connection;
            }
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            connection?.Dispose();
            throw new PolygonStreamException($"no auth_success from {options.Endpoint} within {options.HandshakeTimeout}", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }
}
