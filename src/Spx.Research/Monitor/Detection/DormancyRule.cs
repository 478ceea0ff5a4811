using Spx.Research.Configuration;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// A dormant contract wakes: the comparison volume is 0 and the day volume is above
/// <see cref="DetectorSettings.DormancyFloor"/>. Skipped for <see cref="ComparisonSource.None"/>: a contract
/// never seen before is not known to have been dormant.
/// </summary>
public sealed class DormancyRule(DetectorSettings settings) : IHedgingRule
{
    /// <summary>Stored rule name.</summary>
    public const string RuleName = "dormancy";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public string? Check(PolledContract contract) =>
        contract is { Source: not ComparisonSource.None, ComparisonVolume: 0 }
        && contract.DayVolume > settings.DormancyFloor
            ? $"day volume {Numbers.Count(contract.DayVolume)} after 0 ({contract.Source.Name()}; > {Numbers.Count(settings.DormancyFloor)})"
            : null;
}
