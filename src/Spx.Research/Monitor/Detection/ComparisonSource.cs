namespace Spx.Research.Monitor.Detection;

/// <summary>
/// Where a contract's comparison volume came from, best first. Every alert names its source, because an
/// alert against yesterday's closing volume means something different from one against the same hour yesterday.
/// </summary>
public enum ComparisonSource
{
    /// <summary>The previous session's poll closest to this time of day (New York clock), within the align window.</summary>
    Aligned,

    /// <summary>The previous session's end-of-day row (<c>monitor_daily</c>).</summary>
    PreviousEod,

    /// <summary>The previous session's latest poll, at any hour (end of day has not run for it).</summary>
    PreviousLatest,

    /// <summary>The end-of-day row of the session before the previous one.</summary>
    EarlierEod,

    /// <summary>Nothing to compare with: the day-over-day and dormancy rules are skipped.</summary>
    None,
}

/// <summary>The names stored in <c>alerts.comparison_source</c> and printed in summaries.</summary>
public static class ComparisonSources
{
    /// <summary>Every source, best first (the fallback order).</summary>
    public static IReadOnlyList<ComparisonSource> All { get; } = Enum.GetValues<ComparisonSource>();

    /// <summary><c>aligned</c>, <c>previous_eod</c>, <c>previous_latest</c>, <c>earlier_eod</c> or <c>none</c>.</summary>
    public static string Name(this ComparisonSource source) => source switch
    {
        ComparisonSource.Aligned => "aligned",
        ComparisonSource.PreviousEod => "previous_eod",
        ComparisonSource.PreviousLatest => "previous_latest",
        ComparisonSource.EarlierEod => "earlier_eod",
        ComparisonSource.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown comparison source"),
    };

    /// <summary>The source stored as <paramref name="name"/>; throws naming the value and the known names.</summary>
    public static ComparisonSource Parse(string name)
    {
        foreach (var source in All)
        {
            if (source.Name() == name) return source;
        }
        throw new FormatException($"comparison source '{name}' is not one of {string.Join(", ", All.Select(s => s.Name()))}");
    }
}
