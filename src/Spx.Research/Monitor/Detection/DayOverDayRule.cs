using Spx.Research.Configuration;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// Volume far above the comparison: day volume more than <see cref="DetectorSettings.Multiplier"/> times the
/// comparison volume. Needs a comparison above 0 (any volume is a multiple of 0: that case is
/// <see cref="DormancyRule"/>), so it is skipped for <see cref="ComparisonSource.None"/>.
/// </summary>
public sealed class DayOverDayRule(DetectorSettings settings) : IHedgingRule
{
    /// <summary>Stored rule name.</summary>
    public const string RuleName = "day_over_day";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public string? Check(PolledContract contract) =>
        contract is { Source: not ComparisonSource.None, ComparisonVolume: > 0 and var comparison }
        && contract.DayVolume > settings.Multiplier * comparison
            ? $"day volume {Numbers.Count(contract.DayVolume)} > {Numbers.Factor(settings.Multiplier)} × {Numbers.Count(comparison)} ({contract.Source.Name()})"
            : null;
}
