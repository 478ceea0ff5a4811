using Spx.Research.Configuration;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// The prototype's two floors, checked before any rule: a contract is considered only with at least
/// <see cref="DetectorSettings.VolumeFloor"/> contracts traded today and at least
/// <see cref="DetectorSettings.PremiumFloor"/> dollars of premium, so thin strikes cannot alert on noise.
/// A contract with no usable price has an unknown premium and is not considered.
/// </summary>
public static class ContractFloors
{
    /// <summary>Whether <paramref name="contract"/>, with <paramref name="premium"/>, reaches both floors (each inclusive).</summary>
    public static bool Reached(PolledContract contract, TradedPremium premium, DetectorSettings settings) =>
        contract.DayVolume >= settings.VolumeFloor
        && premium.Dollars is { } dollars && dollars >= settings.PremiumFloor;
}
