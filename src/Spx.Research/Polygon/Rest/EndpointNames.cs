namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Short, stable names for REST endpoints — the same names the simulator's fault plans use — so per-endpoint
/// state (schema baselines, metrics) is keyed by what was asked, not by ticker or date in the path.
/// </summary>
public static class EndpointNames
{
    private static readonly (string Prefix, string Name)[] Known =
    [
        ("/v2/aggs/", "aggs"),
        ("/v3/reference/options/contracts", "contracts"),
        ("/v3/snapshot/options/", "chain_snapshot"),
        ("/v3/snapshot", "snapshot"),
        ("/v1/marketstatus/", "marketstatus"),
        ("/v2/reference/news", "news"),
    ];

    /// <summary>The name of the endpoint a request path belongs to; an unknown path gives its segments joined by '_'.</summary>
    public static string Of(string path)
    {
        var bare = path.Split('?', 2)[0];
        foreach (var (prefix, name) in Known)
        {
            if (bare.StartsWith(prefix, StringComparison.Ordinal)) return name;
        }
        var segments = bare.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new string(s.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray()));
        return string.Join('_', segments) is { Length: > 0 } joined ? joined : "root";
    }
}
