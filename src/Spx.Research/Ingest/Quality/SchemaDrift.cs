namespace Spx.Research.Ingest.Quality;

/// <summary>How one endpoint's results differ from its baseline on one New York date.</summary>
/// <param name="Endpoint">Endpoint name (<see cref="Polygon.Rest.EndpointNames"/>).</param>
/// <param name="Date">New York date the drift was seen.</param>
/// <param name="Added">Fields the baseline does not have, with their JSON type (<c>name:type</c>).</param>
/// <param name="Removed">Baseline fields absent from every sampled item.</param>
/// <param name="Retyped">Fields whose JSON type changed (<c>name:old→new</c>).</param>
public sealed record SchemaDrift(string Endpoint, DateOnly Date, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Retyped)
{
    /// <summary>No difference.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Retyped.Count == 0;

    /// <summary>The one line reported.</summary>
    public string ToLine()
    {
        var parts = new List<string>();
        if (Added.Count > 0) parts.Add("added " + string.Join(", ", Added));
        if (Removed.Count > 0) parts.Add("removed " + string.Join(", ", Removed));
        if (Retyped.Count > 0) parts.Add("retyped " + string.Join(", ", Retyped));
        return $"schema drift on {Endpoint} ({Date:yyyy-MM-dd}): {string.Join("; ", parts)}; processing continues against the baseline";
    }

    /// <summary>The difference between a baseline and the fields just seen.</summary>
    public static SchemaDrift Between(string endpoint, DateOnly date, IReadOnlyDictionary<string, string> baseline, IReadOnlyDictionary<string, string> seen) => new(
        endpoint,
        date,
        seen.Where(f => !baseline.ContainsKey(f.Key)).Select(f => $"{f.Key}:{f.Value}").ToList(),
        baseline.Keys.Where(k => !seen.ContainsKey(k)).ToList(),
        seen.Where(f => baseline.TryGetValue(f.Key, out var old) && old != f.Value && old != "null" && f.Value != "null")
            .Select(f => $"{f.Key}:{baseline[f.Key]}→{f.Value}").ToList());
}
