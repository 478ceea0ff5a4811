using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Spx.Research.Streaming.Tests;

/// <summary>
/// A real WebSocket server on 127.0.0.1 (Kestrel, free port) whose behaviour per connection is a script written
/// by the test: it receives the accepted connection and its 1-based number.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private ScriptedServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Paths the clients asked for, in order.</summary>
    public List<string> Paths { get; } = [];

    /// <summary>Everything the clients sent, as text, in order.</summary>
    public Channel<string> Received { get; } = Channel.CreateUnbounded<string>();

    public static async Task<ScriptedServer> StartAsync(Func<ServerConnection, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }
            var number = Interlocked.Increment(ref server._connections);
            lock (server.Paths) server.Paths.Add(context.Request.Path);
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var connection = new ServerConnection(socket, context, number, server.Received.Writer);
            try
            {
                await script(connection);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ConnectionAbortedException)
            {
                // The client went away; scripts do not need to care.
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.Replace("http://", "ws://"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class ConnectionAbortedException : Exception;
}

/// <summary>One accepted connection, with the wire moves a script needs.</summary>
internal sealed class ServerConnection(WebSocket socket, HttpContext context, int number, ChannelWriter<string> log)
{
    public int Number { get; } = number;

    public WebSocket Socket { get; } = socket;

    public Task SendAsync(string json) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Sends one message split into several WebSocket fragments.</summary>
    public async Task SendFragmentedAsync(string json, int pieces)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = Math.Max(1, bytes.Length / pieces);
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            var count = Math.Min(size, bytes.Length - offset);
            await Socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
        }
    }

    public Task StatusAsync(string status, string message) =>
        SendAsync($$"""[{"ev":"status","status":"{{status}}","message":"{{message}}"}]""");

    /// <summary>The next text message from the client, or null when it closed.</summary>
    public async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                return null;
            }
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) break;
        }
        var message = Encoding.UTF8.GetString(text.ToArray());
        await log.WriteAsync(message);
        return message;
    }

    /// <summary>connected → expects auth → auth_success; returns the auth message.</summary>
    public async Task<string> HandshakeAsync(string connectedStatus = "connected")
    {
        await StatusAsync(connectedStatus, "Connected Successfully");
        var auth = await ReceiveAsync() ?? throw new InvalidOperationException("client closed during the handshake");
        await StatusAsync("auth_success", "authenticated");
        return auth;
    }

    /// <summary>Reads a subscribe message and answers success for every topic; returns the topics.</summary>
    public async Task<string[]> AcceptSubscribeAsync()
    {
        var message = await ReceiveAsync() ?? throw new InvalidOperationException("client closed instead of subscribing");
        var topics = TopicsOf(message);
        foreach (var topic in topics) await StatusAsync("success", $"subscribed to: {topic}");
        return topics;
    }

    public static string[] TopicsOf(string message)
    {
        using var document = System.Text.Json.JsonDocument.Parse(message);
        return document.RootElement.GetProperty("params").GetString()!.Split(',');
    }

    /// <summary>Waits until the client closes (answering its close).</summary>
    public async Task DrainUntilClosedAsync()
    {
        while (await ReceiveAsync() is not null) { }
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort()
    {
        Socket.Abort();
        context.Abort();
    }

    public static string Aggregate(string sym, int i) =>
        $$"""{"ev":"A","sym":"{{sym}}","v":{{i}},"av":{{i}},"op":1,"vw":1,"o":1,"c":1,"h":1,"l":1,"a":1,"z":1,"s":{{i}},"e":{{i}}}""";
}
