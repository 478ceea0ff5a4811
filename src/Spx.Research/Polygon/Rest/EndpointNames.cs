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

    /// <summary>
    /// The name of the endpoint a request path belongs to; an unknown path gives its segments joined by '_'. Bars of
    /// indices (<c>I:</c>) and options (<c>O:</c>) are <c>aggs_indices</c> and <c>aggs_options</c>: index bars carry no
    /// volume, so one baseline for every ticker would report a stock's <c>v</c> as removed at each index request.
    /// </summary>
    public static string Of(string path)
    {
        var bare = path.Split('?', 2)[0];
        foreach (var (prefix, name) in Known)
        {
            if (bare.StartsWith(prefix, StringComparison.Ordinal)) return name == "aggs" ? name + AssetSuffix(bare) : name;
        }
        var segments = bare.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => new string(s.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray()));
        return string.Join('_', segments) is { Length: > 0 } joined ? joined : "root";
    }

    /// <summary><c>_indices</c> or <c>_options</c> for <c>/v2/aggs/ticker/I:…</c> or <c>O:…</c> (plain or %3A-encoded), else nothing.</summary>
    private static string AssetSuffix(string path)
    {
        var ticker = Uri.UnescapeDataString(path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3) ?? "");
        return ticker.StartsWith("I:", StringComparison.Ordinal) ? "_indices" : ticker.StartsWith("O:", StringComparison.Ordinal) ? "_options" : "";
    }
}
