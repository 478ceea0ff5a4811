namespace Spx.Research.Configuration;

/// <summary>The lake folder. <c>--lake</c> and <c>SPX_LAKE</c> override it.</summary>
public sealed record LakeSettings
{
    /// <summary>Relative paths are taken from the working directory.</summary>
    public string Path { get; init; } = System.IO.Path.Combine("data", "lake");

    /// <summary>
    /// How long each listed dataset keeps its partitions; <c>spx lake purge --retention</c> applies them. The
    /// monitor's datasets are not listed here: their retention is <c>monitor.intraday_retention_sessions</c>
    /// and <c>monitor.daily_retention_days</c>, applied by the same command.
    /// </summary>
    public IReadOnlyList<RetentionRule> Retention { get; init; } = [];
}

/// <summary>One dataset's retention: partitions dated more than <see cref="Keep"/> before today are purged.</summary>
/// <param name="Dataset">A registered, date-partitioned dataset, e.g. <c>stock_bars_1s</c>.</param>
public sealed record RetentionRule(string Dataset)
{
    /// <summary>Whole days, e.g. <c>90d</c>; a partition exactly that old is kept.</summary>
    public TimeSpan Keep { get; init; }
}
