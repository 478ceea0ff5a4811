using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spx.Research.Simulator.Faults;

namespace Spx.Research.Simulator.Streaming;

/// <summary>
/// One client socket on a cluster: the handshake (connected → auth → auth_success/auth_failed), subscribe and
/// unsubscribe with one status per topic, and — from the first subscription — a replay of the lake paced by
/// the simulated clock, filtered by the current subscriptions. Faults chosen at connect time alter the frames.
/// </summary>
public sealed class ClusterConnection(
    WebSocket socket, string cluster, SimulatorOptions options, SimulatedClock clock, LakeGate lake,
    ConnectionRegistry registry, IReadOnlyList<FaultRule> faults)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly Lock _topicsGate = new();
    private readonly Dictionary<string, FaultRule> _faults = faults.ToDictionary(f => f.Fault, StringComparer.Ordinal);

    /// <summary>Runs the connection until either side closes.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var token = cancel.Token;
        string? claimedKey = null;
        Task? replay = null;
        try
        {
            await SendStatus("connected", "Connected Successfully", token);
            var authDeadline = Task.Delay(options.AuthTimeout, token);
            while (socket.State == WebSocketState.Open)
            {
                var receiving = Receive(token);
                if (claimedKey is null && await Task.WhenAny(receiving, authDeadline) == authDeadline && !token.IsCancellationRequested)
                {
                    await SendStatus("auth_timeout", "authentication timed out", token);
                    await Close(WebSocketCloseStatus.PolicyViolation, "auth_timeout", token);
                    await receiving.ContinueWith(_ => { }, TaskScheduler.Default);
                    break;
                }
                var message = await receiving;
                if (message is null) break;
                JsonNode? node;
                try { node = JsonNode.Parse(message); }
                catch (JsonException) { await SendStatus("error", "Could not parse the message.", token); continue; }
                var action = node?["action"]?.GetValue<string>();
                var parameters = node?["params"]?.GetValue<string>() ?? "";
                if (action == "auth")
                {
                    if (parameters != options.ApiKey || _faults.ContainsKey(FaultNames.AuthFailure))
                    {
                        await SendStatus("auth_failed", "authentication failed", token);
                        await Close(WebSocketCloseStatus.PolicyViolation, "authentication failed", token);
                        break;
                    }
                    // The fault answers as a real second connection would, without needing one.
                    if (_faults.ContainsKey(FaultNames.WsMaxConnections) || !registry.TryClaim(cluster, parameters, this))
                    {
                        await SendStatus("max_connections", "Maximum number of connections exceeded.", token);
                        await Close(WebSocketCloseStatus.PolicyViolation, "max_connections", token);
                        break;
                    }
                    claimedKey = parameters;
                    await SendStatus("auth_success", "authenticated", token);
                    continue;
                }
                if (claimedKey is null)
                {
                    await SendStatus("auth_required", "authentication required", token);
                    continue;
                }
                if (action is "subscribe" or "unsubscribe")
                {
                    var topics = parameters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    var statuses = new JsonArray();
                    lock (_topicsGate)
                    {
                        foreach (var topic in topics)
                        {
                            if (action == "subscribe") _topics.Add(topic); else _topics.Remove(topic);
                            statuses.Add(Status("success", action == "subscribe" ? $"subscribed to: {topic}" : $"unsubscribed to: {topic}"));
                        }
                    }
                    await SendText(statuses.ToJsonString(Http.RestPipeline.WireJson), token);
                    replay ??= action == "subscribe" ? Task.Run(() => Replay(token), token) : null;
                    continue;
                }
                await SendStatus("error", $"Unknown action '{action}'.", token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The client went away or the server is stopping.
        }
        finally
        {
            await cancel.CancelAsync();
            if (replay is not null) await replay.ContinueWith(_ => { }, TaskScheduler.Default);
            if (claimedKey is not null) registry.Release(cluster, claimedKey, this);
        }
    }

    private async Task Replay(CancellationToken token)
    {
        try
        {
            var from = clock.Now;
            from = from.AddTicks(-(from.UtcTicks % TimeSpan.TicksPerSecond));
            var until = options.ReplayFor is { } span ? from + span : DateTimeOffset.MaxValue.AddYears(-1);
            var sent = 0;
            ReplayFrame? held = null;
            await foreach (var frame in new ReplayFeed(lake, cluster, options.Frontier, options.SessionWait).Frames(from, until, token))
            {
                var delay = clock.WallDelayUntil(frame.DueAt);
                if (delay > TimeSpan.Zero) await Task.Delay(delay, token);
                List<ReplayEvent> events;
                lock (_topicsGate) events = frame.Events.Where(e => e.MatchesAny(_topics)).ToList();
                if (events.Count == 0) continue;
                sent++;
                if (await Disconnect(sent, token)) return;
                if (_faults.TryGetValue(FaultNames.WsDuplicate, out var duplicate) && sent % duplicate.Int("every", 10) == 0)
                    events.Insert(1, events[0]);
                if (_faults.TryGetValue(FaultNames.WsOutOfOrder, out var disorder) && held is null && sent % disorder.Int("every", 10) == 0)
                {
                    held = frame with { Events = events };
                    continue;
                }
                await SendText(Frame(events), token);
                if (held is not null)
                {
                    await SendText(Frame(held.Events), token);
                    held = null;
                }
            }
            if (held is not null) await SendText(Frame(held.Events), token);
            await Close(WebSocketCloseStatus.NormalClosure, "replay finished", token);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The connection ended first.
        }
        catch (Exception error)
        {
            // A lake or programming error: tell the client instead of going silent.
            try
            {
                await SendStatus("error", $"Replay failed: {error.Message}", CancellationToken.None);
                await Close(WebSocketCloseStatus.InternalServerError, "replay failed", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Applies the disconnect faults before data frame number <paramref name="sent"/>; true when the connection is over.</summary>
    private async Task<bool> Disconnect(int sent, CancellationToken token)
    {
        if (_faults.TryGetValue(FaultNames.WsDrop, out var drop) && sent > drop.Int("after", 3))
        {
            var bytes = Encoding.UTF8.GetBytes("[{\"ev\":\"AM\",\"sym\":\"DROPPED\",\"v\":1,\"o\":1,\"c\":1,\"h\":1,\"l\":1}]");
            await _send.WaitAsync(token);
            try { await socket.SendAsync(bytes.AsMemory(0, bytes.Length / 2), WebSocketMessageType.Text, endOfMessage: false, token); }
            finally { _send.Release(); }
            // Let the earlier frames and the partial one reach the client before the reset discards them.
            await Task.Delay(100, token);
            socket.Abort();
            return true;
        }
        foreach (var (name, status, message) in new[]
        {
            (FaultNames.WsForceDisconnect, "force_disconnect", "Force disconnect (simulated)."),
            (FaultNames.WsSlowConsumer, "slow_consumer", "Slow consumer: the client is not keeping up (simulated)."),
        })
        {
            if (_faults.TryGetValue(name, out var rule) && sent > rule.Int("after", 3))
            {
                await SendStatus(status, message, token);
                await Close(WebSocketCloseStatus.PolicyViolation, status, token);
                return true;
            }
        }
        return false;
    }

    private static string Frame(IEnumerable<ReplayEvent> events) => new JsonArray([.. events.Select(e => (JsonNode?)e.Body.DeepClone())]).ToJsonString(Http.RestPipeline.WireJson);

    private static JsonObject Status(string status, string message) => new() { ["ev"] = "status", ["status"] = status, ["message"] = message };

    private Task SendStatus(string status, string message, CancellationToken token) =>
        SendText(new JsonArray(Status(status, message)).ToJsonString(Http.RestPipeline.WireJson), token);

    private async Task SendText(string text, CancellationToken token)
    {
        await _send.WaitAsync(token);
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, token);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task Close(WebSocketCloseStatus status, string reason, CancellationToken token)
    {
        await _send.WaitAsync(token);
        try
        {
            if (socket.State == WebSocketState.Open) await socket.CloseOutputAsync(status, reason, token);
        }
        finally
        {
            _send.Release();
        }
    }

    private async Task<string?> Receive(CancellationToken token)
    {
        var buffer = new byte[8192];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(text.ToArray());
        }
    }
}
