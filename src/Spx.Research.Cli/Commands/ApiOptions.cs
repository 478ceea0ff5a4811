using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Cli.Parsing;
using Spx.Research.Configuration;
using Spx.Research.Polygon;
using Spx.Research.Polygon.WebSocket;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The options every <c>spx api</c> verb inherits (<c>--base-url</c>, <c>--key</c>, <c>--plan</c>, <c>--timeout</c>,
/// <c>--retries</c>, <c>--format</c>) and how each resolves: the flag, else the configuration's <c>api.*</c> key when
/// the file sets it, else the client's default.
/// </summary>
internal static class ApiOptions
{
    internal static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = $"API base URL (default: api.base_url of the configuration, else {PolygonClientOptions.DefaultBaseUri}); e.g. http://127.0.0.1:PORT for spx simulate serve",
        Recursive = true,
    };

    internal static readonly Option<string?> Key = new("--key")
    {
        Description = "API key (default: $MASSIVE_API_KEY, else $POLYGON_API_KEY); prefer the environment, shells keep history",
        Recursive = true,
    };

    internal static readonly Option<string?> Plan = new("--plan")
    {
        Description = "Client-side rate limit: free (5 requests/min), unlimited, or N/SECONDS (default: api.plan of the configuration, else free, unlimited for a loopback base URL)",
        Recursive = true,
    };

    internal static readonly Option<TimeSpan?> Timeout = new("--timeout")
    {
        Description = $"Time one attempt may take, e.g. 10s or 2m (default: api.timeout of the configuration, else {Durations.Format(PolygonClientOptions.DefaultRequestTimeout)} per REST request, "
                      + $"{Durations.Format(PolygonStreamOptions.DefaultHandshakeTimeout)} per stream handshake)",
        HelpName = "duration",
        CustomParser = ValueParsers.Optional(ValueParsers.Duration(TimeSpan.FromMilliseconds(10), TimeSpan.FromDays(1))),
        Recursive = true,
    };

    internal static readonly Option<int?> Retries = new("--retries")
    {
        Description = $"Retries after a failed attempt, each announced on stderr (default: api.retries of the configuration, else {RetrySettings.Default.MaxRetries} for REST requests, "
                      + $"{StreamReconnectPolicy.Default.MaxAttempts} reconnects for the stream); 0 fails at the first error",
        HelpName = "count",
        CustomParser = ValueParsers.Optional(ValueParsers.Int(0, MaxRetries)),
        Recursive = true,
    };

    internal static readonly Option<OutputFormat> Format = Recursive(CommonOptions.Format());

    /// <summary>Beyond this a retry budget is a loop, not resilience.</summary>
    private const int MaxRetries = 50;

    internal static ApiKey ResolveKey(ParseResult parse)
    {
        if (parse.GetValue(Key) is { Length: > 0 } key)
        {
            try
            {
                return new ApiKey(key);
            }
            catch (ArgumentException bad)
            {
                throw new UsageException($"--key: {bad.Message.Split(" (Parameter", 2)[0]}");
            }
        }
        return ApiKey.FromEnvironment()
            ?? throw new UsageException($"no API key: set {string.Join(" or ", ApiKey.EnvironmentVariables)} (or pass --key)");
    }

    /// <summary><c>--timeout</c>, else <c>api.timeout</c> when the file sets it, else null: each client keeps its own default (REST request, stream handshake).</summary>
    internal static TimeSpan? ChosenTimeout(ParseResult parse) =>
        parse.GetValue(Timeout) ?? (Configured(parse, "api.timeout") ? CliConfiguration.Of(parse).Settings.Api.Timeout : null);

    /// <summary><c>--retries</c>, else <c>api.retries</c> when the file sets it, else null (each client's default).</summary>
    internal static int? ChosenRetries(ParseResult parse) =>
        parse.GetValue(Retries) ?? (Configured(parse, "api.retries") ? CliConfiguration.Of(parse).Settings.Api.Retries : null);

    internal static bool Configured(ParseResult parse, string key) => CliConfiguration.Of(parse).Given.Contains(key);

    /// <summary><c>--base-url</c>, else <c>api.base_url</c> of the configuration.</summary>
    internal static Uri ResolveBase(ParseResult parse) =>
        parse.GetValue(BaseUrl) is { Length: > 0 } text ? ApiParsing.ParseBaseUrl(text) : CliConfiguration.Of(parse).Settings.Api.BaseUrl;

    /// <summary><c>--plan</c>, else <c>api.plan</c> when the file sets it, else auto (<see cref="RatePlanChoice"/>).</summary>
    internal static RatePlan ResolvePlan(ParseResult parse) =>
        RatePlanChoice.Resolve(parse.GetValue(Plan), CliConfiguration.Of(parse), ResolveBase(parse)).Plan;

    /// <summary>The shared option, inherited by every api subcommand.</summary>
    private static Option<T> Recursive<T>(Option<T> option)
    {
        option.Recursive = true;
        return option;
    }
}
