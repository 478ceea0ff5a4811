using System.Collections.Concurrent;

namespace Spx.Research.Polygon.Tests;

/// <summary>An in-memory HTTP server: answers by a function of the path and query, records every request.</summary>
internal sealed class FakeHandler(Func<string, int, Canned> answer) : HttpMessageHandler
{
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _count;

    /// <summary>Answers every request with the same response.</summary>
    public FakeHandler(Canned always)
        : this((_, _) => always)
    {
    }

    public IReadOnlyList<SeenRequest> Seen => _seen.ToList();

    public int Count => Volatile.Read(ref _count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var index = Interlocked.Increment(ref _count) - 1;
        _seen.Enqueue(new SeenRequest(uri.PathAndQuery, uri.ToString(), request.Headers.Authorization?.ToString()));
        var canned = answer(uri.PathAndQuery, index);
        if (canned.Delay > TimeSpan.Zero) await Task.Delay(canned.Delay, cancellationToken);
        var message = canned.ToMessage();
        foreach (var (name, value) in canned.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }
}
