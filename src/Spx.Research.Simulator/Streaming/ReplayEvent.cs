using System.Text.Json.Nodes;

namespace Spx.Research.Simulator.Streaming;

/// <summary>One event with its topic parts for subscription matching.</summary>
public sealed record ReplayEvent(string Ev, string Symbol, JsonObject Body)
{
    /// <summary>True when <paramref name="topics"/> holds <c>EV.SYM</c> or <c>EV.*</c>.</summary>
    public bool MatchesAny(IReadOnlySet<string> topics) => topics.Contains($"{Ev}.{Symbol}") || topics.Contains($"{Ev}.*");
}
