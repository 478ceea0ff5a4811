using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spx.Research.Testing;

/// <summary>What a receiver saw: one HTTP request, whole.</summary>
internal sealed record Received(string Method, string PathAndQuery, string? ContentType, string? UserAgent, string Body);

/// <summary>What a receiver answers to the n-th request (0-based): a status, a body, headers, or no answer at all.</summary>
internal sealed record Reply(int Status = 200, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Never answers (until the receiver is disposed): a hung service.</summary>
    public bool Hang { get; init; }

    /// <summary>Answers only once this task completes (to prove another target was served meanwhile).</summary>
    public Task? After { get; init; }

    public static Reply Ok { get; } = new();
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener on a free port) standing in for Slack, Discord, Telegram, Pushover or
/// a webhook: records every request as it arrived and answers from a script, so tests see the exact bytes on the wire.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, Reply> _script;
    private readonly ConcurrentQueue<Received> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private int _count;

    public Receiver(Func<int, Reply>? script = null)
    {
        _script = script ?? (_ => Reply.Ok);
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public IReadOnlyList<Received> Seen => _seen.ToArray();

    /// <summary>Completes when the first request has been recorded.</summary>
    public Task FirstRequest => _first.Task;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Stopping the listener ends the loop with an exception; nothing to report.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var index = Interlocked.Increment(ref _count) - 1;
            _seen.Enqueue(new Received(request.HttpMethod, request.RawUrl ?? "", request.ContentType, request.UserAgent, body));
            _first.TrySetResult();
            var reply = _script(index);
            if (reply.Hang)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            if (reply.After is { } after)
            {
                await after.WaitAsync(_stop.Token);
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // Shutting down, or the client gave up (timeout tests).
        }
    }
}
