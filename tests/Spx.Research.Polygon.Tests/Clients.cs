using Spx.Research.Polygon.Rest;

namespace Spx.Research.Polygon.Tests;

/// <summary>Client factories for tests: fast retries, no client-side limit unless a test sets one.</summary>
internal static class Clients
{
    public const string Secret = "pk_TEST_s3cr3t_KEY_0123456789";

    public static ApiKey Key { get; } = new(Secret);

    public static RetrySettings FastRetry { get; } = new(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20));

    public static PolygonClientOptions Options(Uri? baseUri = null, HttpMessageHandler? handler = null) => new(Key)
    {
        BaseUri = baseUri ?? new Uri("https://api.example.test"),
        HttpMessageHandler = handler,
        Retry = FastRetry,
        RatePlan = RatePlan.Unlimited,
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    public static PolygonRestClient Fake(FakeHandler handler, Func<PolygonClientOptions, PolygonClientOptions>? tweak = null) =>
        new((tweak ?? (o => o))(Options(handler: handler)));

    public static PolygonRestClient Loopback(LoopbackServer server, Func<PolygonClientOptions, PolygonClientOptions>? tweak = null) =>
        new((tweak ?? (o => o))(Options(server.BaseUri)));

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }
}
