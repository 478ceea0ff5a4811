using System.CommandLine;
using Spx.Research.Cli.Output;
using Spx.Research.Polygon;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Cli.Commands;

/// <summary>How a REST verb of <c>spx api</c> runs: one client from the resolved options, the call, the table.</summary>
internal static class ApiRestCall
{
    /// <summary>
    /// The shared plumbing of the REST verbs: options (timeout and retries from the command line), client, a line on
    /// stderr per retry, table output; typed errors reach <see cref="SpxApp"/> as one-line failures.
    /// </summary>
    internal static async Task<int> Run(ParseResult parse, CancellationToken ct, Func<PolygonRestClient, Task<ResultTable>> call)
    {
        var errors = parse.InvocationConfiguration.Error;
        var options = new PolygonClientOptions(ApiOptions.ResolveKey(parse)) { BaseUri = ApiOptions.ResolveBase(parse), RatePlan = ApiOptions.ResolvePlan(parse) };
        if (ApiOptions.ChosenTimeout(parse) is { } timeout) options = options with { RequestTimeout = timeout };
        if (ApiOptions.ChosenRetries(parse) is { } retries) options = options with { Retry = options.Retry with { MaxRetries = retries } };
        var attempts = options.Retry.MaxRetries + 1;
        options = options with { OnRetry = notice => errors.WriteLine(RetryLines.Rest(notice, attempts)) };
        using var client = new PolygonRestClient(options);
        var table = await call(client);
        ResultWriter.Write(table, parse.GetValue(ApiOptions.Format), parse.InvocationConfiguration.Output);
        return ExitCodes.Ok;
    }
}
