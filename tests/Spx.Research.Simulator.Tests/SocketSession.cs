using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Spx.Research.Simulator.Tests;

/// <summary>A bare ClientWebSocket on a cluster that reads frames as JSON arrays (no dependency on the project's client).</summary>
internal sealed class SocketSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public static async Task<SocketSession> Connect(Uri baseUri, string cluster, string? fault = null)
    {
        var session = new SocketSession();
        if (fault is not null) session._socket.Options.SetRequestHeader("X-Sim-Fault", fault);
        await session._socket.ConnectAsync(new Uri($"ws://{baseUri.Authority}/{cluster}"), CancellationToken.None);
        return session;
    }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public Task Send(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next frame, or null when the server closed.</summary>
    public async Task<JsonArray?> Receive()
    {
        var buffer = new byte[1 << 16];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonNode.Parse(text.ToArray())!.AsArray();
        }
    }

    /// <summary>Connected → auth → auth_success.</summary>
    public async Task Authenticate(string key = "sim-key")
    {
        var connected = await Receive();
        Assert.Equal("connected", connected![0]!["status"]!.GetValue<string>());
        await Send($$"""{"action":"auth","params":"{{key}}"}""");
        Assert.Equal("auth_success", (await Receive())![0]!["status"]!.GetValue<string>());
    }

    /// <summary>Every event until the server closes.</summary>
    public async Task<List<JsonObject>> ReadToClose(List<int>? frameSizes = null)
    {
        var events = new List<JsonObject>();
        while (await Receive() is { } frame)
        {
            frameSizes?.Add(frame.Count);
            events.AddRange(frame.Select(e => e!.AsObject()));
        }
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try { await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None); }
            catch (WebSocketException) { }
        }
        _socket.Dispose();
    }
}
