using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// One WebSocket connection: whole messages in (fragments reassembled into one pooled buffer, decoded into
/// events), actions out (one sender at a time), and the close handshake. The client makes a new one per reconnect.
/// </summary>
internal sealed class StreamConnection : IDisposable
{
    private const int InitialBufferBytes = 64 * 1024;

    private readonly ClientWebSocket _socket;
    private readonly RedactingFrameDecoder _decoder;
    private readonly StreamCounters _counters;
    private readonly int _maxMessageBytes;
    private readonly MessageBuffer _buffer = new(InitialBufferBytes);

    // Not disposed with the connection: a subscribe racing a drop may still be waiting on it, and disposing would strand it.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private StreamConnection(ClientWebSocket socket, RedactingFrameDecoder decoder, StreamCounters counters, int maxMessageBytes)
    {
        _socket = socket;
        _decoder = decoder;
        _counters = counters;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>Opens the socket; nothing is sent yet (the handshake comes next).</summary>
    public static async Task<StreamConnection> OpenAsync(Uri endpoint, RedactingFrameDecoder decoder, StreamCounters counters, int maxMessageBytes, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(endpoint, ct).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new StreamConnection(socket, decoder, counters, maxMessageBytes);
    }

    public WebSocketState State => _socket.State;

    /// <summary>The close status and description the server sent, with the key removed.</summary>
    public string CloseText(ApiKey key) => $"{_socket.CloseStatus} {key.Redact(_socket.CloseStatusDescription)}".Trim();

    /// <summary>
    /// The next message's events (a reused list: read it before the next call), or null when the server closed.
    /// A message over the size limit is read past and comes back as one decode error.
    /// </summary>
    public async Task<List<StreamEvent>?> ReceiveAsync(CancellationToken ct)
    {
        var length = 0;
        var oversized = false;
        while (true)
        {
            if (length == _buffer.Bytes.Length)
            {
                if (length >= _maxMessageBytes)
                {
                    oversized = true;
                    length = 0;
                }
                else
                {
                    _buffer.Grow(length, Math.Min(_maxMessageBytes, length * 2));
                }
            }
            var result = await _socket.ReceiveAsync(_buffer.Bytes.AsMemory(length), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            length += result.Count;
            if (!result.EndOfMessage) continue;
            _counters.Frame();
            return oversized ? _decoder.Oversized(_maxMessageBytes) : _decoder.Decode(_buffer.Bytes.AsSpan(0, length));
        }
    }

    /// <summary>Sends <c>{"action":…,"params":…}</c>.</summary>
    public async Task SendActionAsync(string action, string parameters, CancellationToken ct)
    {
        var message = new ArrayBufferWriter<byte>(64 + parameters.Length);
        using (var writer = new Utf8JsonWriter(message))
        {
            writer.WriteStartObject();
            writer.WriteString("action", action);
            writer.WriteString("params", parameters);
            writer.WriteEndObject();
        }
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Starts our close (after any send in flight); the receive loop then sees the server's answer.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "client closing", ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Completes a close the server started, so it is not left waiting; a connection already gone is fine.</summary>
    public async Task AnswerCloseAsync(CancellationToken ct)
    {
        if (_socket.State != WebSocketState.CloseReceived) return;
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
        _buffer.Dispose();
    }
}
