using System.Text.Json.Nodes;

namespace Spx.Research.Simulator.Streaming;

/// <summary>One event with its topic parts for subscription matching.</summary>
public sealed record ReplayEvent(string Ev, string Symbol, JsonObject Body)
{
    // Built once: every event is matched against every connection's subscriptions.
    private readonly string _topic = $"{Ev}.{Symbol}";
    private readonly string _wildcard = $"{Ev}.*";

    /// <summary>True when <paramref name="topics"/> holds <c>EV.SYM</c> or <c>EV.*</c>.</summary>
    public bool MatchesAny(IReadOnlySet<string> topics) => topics.Contains(_topic) || topics.Contains(_wildcard);
}
