using System.Text.Json;

namespace Spx.Research.Simulator.Faults;

/// <summary>
/// The faults switched on by configuration, with the seed that makes their coin flips repeatable.
/// File form (JSON): <c>{"seed":7,"rules":[{"endpoint":"aggs","fault":"rate_limit","p":0.5,"n":3,"retry_after":"2"}]}</c>.
/// </summary>
public sealed record FaultPlan(long Seed, IReadOnlyList<FaultRule> Rules)
{
    /// <summary>No faults.</summary>
    public static FaultPlan None { get; } = new(0, []);

    /// <summary>Reads a plan file; the error names the file and the bad rule.</summary>
    public static FaultPlan Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var seed = root.TryGetProperty("seed", out var s) ? s.GetInt64() : 0;
        var rules = new List<FaultRule>();
        if (root.TryGetProperty("rules", out var array))
        {
            foreach (var item in array.EnumerateArray())
            {
                var fault = item.GetProperty("fault").GetString() ?? "";
                if (!FaultNames.All.Contains(fault)) throw new FormatException($"{path}: unknown fault '{fault}'.");
                var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in item.EnumerateObject())
                {
                    if (property.Name is "endpoint" or "fault" or "p" or "n") continue;
                    parameters[property.Name] = property.Value.ToString();
                }
                rules.Add(new FaultRule(
                    item.TryGetProperty("endpoint", out var e) ? e.GetString() ?? "*" : "*",
                    fault,
                    item.TryGetProperty("p", out var p) ? p.GetDouble() : 1,
                    item.TryGetProperty("n", out var n) ? n.GetInt32() : null,
                    parameters));
            }
        }
        return new FaultPlan(seed, rules);
    }
}
