using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Spx.Research.Polygon.Tests;

/// <summary>
/// A tiny real HTTP server on 127.0.0.1 (HttpListener, free port), so the client's real socket path — headers,
/// Retry-After, status codes, timeouts — is exercised end to end.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, int, Canned> _answer;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    public LoopbackServer(Func<string, int, Canned> answer)
    {
        _answer = answer;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public IReadOnlyList<SeenRequest> Seen => _seen.ToList();

    public int Count => Volatile.Read(ref _count);

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
            // The listener throws when stopped; nothing to report.
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
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
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
            var url = context.Request.Url!;
            var pathAndQuery = context.Request.RawUrl ?? url.PathAndQuery;
            var index = Interlocked.Increment(ref _count) - 1;
            _seen.Enqueue(new SeenRequest(pathAndQuery, url.ToString(), context.Request.Headers["Authorization"]));
            var canned = _answer(pathAndQuery, index);
            if (canned.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(canned.Delay, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            context.Response.StatusCode = canned.Status;
            context.Response.ContentType = "application/json";
            foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(canned.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (HttpListenerException)
        {
            // The client went away (timeout tests).
        }
        catch (IOException)
        {
            // Same.
        }
    }
}
