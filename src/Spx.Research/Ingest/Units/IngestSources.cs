namespace Spx.Research.Ingest.Units;

/// <summary>Names of <see cref="IngestSource"/> as the command line writes them, and what each needs.</summary>
public static class IngestSources
{
    /// <summary>Every source, in pipeline order.</summary>
    public static IReadOnlyList<IngestSource> All { get; } = Enum.GetValues<IngestSource>();

    /// <summary>The lower-case name (<c>seconds</c>, <c>options</c>…).</summary>
    public static string Name(IngestSource source) => source.ToString().ToLowerInvariant();

    /// <summary>
    /// Parses <c>seconds,minutes,options</c>; <c>all</c> is every source. Options need the session's open and its
    /// listing, so they bring <see cref="IngestSource.Minutes"/> and <see cref="IngestSource.Contracts"/> along.
    /// </summary>
    /// <exception cref="FormatException">An unknown name, naming it and the known ones.</exception>
    public static IReadOnlySet<IngestSource> Parse(string text)
    {
        var chosen = new SortedSet<IngestSource>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                chosen.UnionWith(All);
                continue;
            }
            var match = All.Where(s => Name(s) == part.ToLowerInvariant()).ToList();
            if (match.Count == 0) throw new FormatException($"unknown source '{part}': expected all or some of {string.Join(", ", All.Select(Name))}");
            chosen.Add(match[0]);
        }
        if (chosen.Count == 0) throw new FormatException("no source named: expected all or some of " + string.Join(", ", All.Select(Name)));
        if (chosen.Contains(IngestSource.Options)) chosen.UnionWith([IngestSource.Minutes, IngestSource.Contracts]);
        return chosen;
    }
}
