using Spx.Research.Configuration;
using Spx.Research.Polygon;

namespace Spx.Research.Cli.Commands;

/// <summary>
/// The rate plan a verb runs with and where it came from — one rule for <c>spx api</c> and <c>spx monitor</c>:
/// <c>--plan</c>, else <c>api.plan</c> when the configuration file sets it, else unlimited for a loopback base URL
/// (a local simulator has no plan) and free for any other. The source is kept so a long-running verb can say
/// which budget it is under.
/// </summary>
/// <param name="Plan">The client-side budget.</param>
/// <param name="Source">Where it came from, as the startup line says it.</param>
internal sealed record RatePlanChoice(RatePlan Plan, string Source)
{
    /// <summary>The plan for <paramref name="baseUri"/> given the flag's text (null when absent) and the configuration.</summary>
    /// <exception cref="UsageException">The flag's or the file's text is not a plan.</exception>
    public static RatePlanChoice Resolve(string? flag, SpxConfiguration configuration, Uri baseUri)
    {
        if (flag is { Length: > 0 }) return new(ApiParsing.ParsePlan(flag, baseUri), "--plan");
        if (configuration.Given.Contains("api.plan")) return new(ApiParsing.ParsePlan(configuration.Settings.Api.Plan, baseUri), "api.plan of the configuration");
        return new(ApiParsing.ParsePlan("auto", baseUri), baseUri.IsLoopback ? "default for a loopback base URL" : "default");
    }

    /// <summary>
    /// Following a server's clock reads <c>/v1/marketstatus/now</c> up to 100 times a second while it measures the
    /// rate: a limited plan would starve it, so that is a usage error naming the plan, before anything starts.
    /// </summary>
    /// <exception cref="UsageException">The plan is limited.</exception>
    public void RequireUnlimitedForServerClock()
    {
        if (!Plan.IsUnlimited)
            throw new UsageException($"--server-clock reads /v1/marketstatus/now up to 100 times a second while it measures the server's rate, which plan {this} does not allow: pass --plan unlimited (a simulator has no plan)");
    }

    /// <summary><c>unlimited (default for a loopback base URL)</c>, <c>5 requests / 60 s (--plan)</c>, …</summary>
    public override string ToString() => $"{Plan} ({Source})";
}
