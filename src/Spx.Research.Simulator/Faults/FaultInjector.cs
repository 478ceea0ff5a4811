namespace Spx.Research.Simulator.Faults;

/// <summary>
/// Decides which faults fire on a request: the configured plan's rules for the endpoint plus the
/// request's own <c>X-Sim-Fault</c> header. Coin flips come from one generator seeded by the plan, and
/// counts (<c>n</c>) are kept per rule, so a run with the same requests in the same order fails the same way.
/// </summary>
public sealed class FaultInjector(FaultPlan plan)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(unchecked((int)plan.Seed ^ (int)(plan.Seed >> 32)));
    private readonly Dictionary<string, int> _fired = new(StringComparer.Ordinal);

    /// <summary>The faults that fire now for <paramref name="endpoint"/>.</summary>
    /// <exception cref="FormatException">The header names an unknown fault.</exception>
    public IReadOnlyList<FaultRule> Decide(string endpoint, string? header)
    {
        var candidates = plan.Rules.Where(r => r.Matches(endpoint)).Select(r => (Key: $"plan:{endpoint}:{r.Fault}", Rule: r)).ToList();
        if (!string.IsNullOrWhiteSpace(header))
        {
            foreach (var one in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                candidates.Add(($"header:{endpoint}:{one}", FaultRule.ParseHeader(endpoint, one)));
        }
        var firing = new List<FaultRule>();
        lock (_gate)
        {
            foreach (var (key, rule) in candidates)
            {
                var fired = _fired.GetValueOrDefault(key);
                if (rule.Count is { } limit && fired >= limit) continue;
                if (rule.Probability < 1 && _random.NextDouble() >= rule.Probability) continue;
                _fired[key] = fired + 1;
                firing.Add(rule);
            }
        }
        return firing;
    }

    /// <summary>A coin flip from the same seeded generator (used per WebSocket frame).</summary>
    public bool Flip(double probability)
    {
        lock (_gate) return probability >= 1 || _random.NextDouble() < probability;
    }
}
