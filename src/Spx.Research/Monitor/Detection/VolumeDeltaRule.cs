using Spx.Research.Configuration;

namespace Spx.Research.Monitor.Detection;

/// <summary>A burst: more than <see cref="DetectorSettings.DeltaFloor"/> contracts traded since this contract's previous poll.</summary>
public sealed class VolumeDeltaRule(DetectorSettings settings) : IHedgingRule
{
    /// <summary>Stored rule name.</summary>
    public const string RuleName = "volume_delta";

    /// <inheritdoc />
    public string Name => RuleName;

    /// <inheritdoc />
    public string? Check(PolledContract contract) =>
        contract.VolumeDelta > settings.DeltaFloor
            ? $"{Numbers.Count(contract.VolumeDelta)} traded since the previous poll (> {Numbers.Count(settings.DeltaFloor)})"
            : null;
}
