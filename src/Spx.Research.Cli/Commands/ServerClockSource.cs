using Spx.Research.Configuration;
using Spx.Research.Polygon.Clock;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// A <see cref="ServerClock"/> with the client it reads through, for a verb that only needs the API's time (the
/// dashboard): base URL and plan resolve as for every API verb, the key comes from the environment. Disposing
/// stops the clock before the client goes, so no resync outlives it.
/// </summary>
internal sealed class ServerClockSource : IAsyncDisposable
{
    private readonly PolygonRestClient _client;

    private ServerClockSource(PolygonRestClient client, ServerClock clock)
    {
        _client = client;
        Clock = clock;
    }

    /// <summary>The followed clock.</summary>
    public ServerClock Clock { get; }

    /// <summary><c>http://host:port</c> of the server followed.</summary>
    public string Origin => _client.Options.BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Starts following the clock of <paramref name="baseUrl"/> (else <c>api.base_url</c>); resync notices go to <paramref name="notices"/>.</summary>
    /// <exception cref="UsageException">No key, a bad base URL or plan, or a limited plan.</exception>
    public static async Task<ServerClockSource> FollowAsync(SpxConfiguration configuration, string? baseUrl, string? plan, TextWriter notices, CancellationToken cancellationToken)
    {
        var baseUri = string.IsNullOrWhiteSpace(baseUrl) ? configuration.Settings.Api.BaseUrl : ApiParsing.ParseBaseUrl(baseUrl);
        var rate = RatePlanChoice.Resolve(plan, configuration, baseUri);
        rate.RequireUnlimitedForServerClock();
        var key = ApiKey.FromEnvironment() ?? throw new UsageException($"--server-clock: no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)}");
        var client = new PolygonRestClient(new PolygonClientOptions(key)
        {
            BaseUri = baseUri,
            RatePlan = rate.Plan,
            RequestTimeout = configuration.Settings.Api.Timeout,
            Retry = RetrySettings.Default with { MaxRetries = configuration.Settings.Api.Retries },
        });
        try
        {
            var clock = await ServerClock.FollowAsync(client, new ServerClockOptions { OnNotice = line => notices.WriteLine($"spx: {line}") }, cancellationToken: cancellationToken);
            return new ServerClockSource(client, clock);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Clock.DisposeAsync();
        _client.Dispose();
    }
}
