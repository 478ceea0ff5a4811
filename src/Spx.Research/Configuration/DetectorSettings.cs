namespace Spx.Research.Configuration;

/// <summary>The prototype's unusual-hedging rules, with its thresholds as defaults.</summary>
public sealed record DetectorSettings
{
    /// <summary>A contract is considered only with at least this cumulative day volume.</summary>
    public long VolumeFloor { get; init; } = 100;

    /// <summary>Premium traded today (price × volume × 100) must reach this many dollars.</summary>
    public double PremiumFloor { get; init; } = 100_000;

    /// <summary>Volume since the contract's previous poll above this is a burst.</summary>
    public long DeltaFloor { get; init; } = 200;

    /// <summary>Volume above this multiple of the comparison volume is unusual.</summary>
    public double Multiplier { get; init; } = 5;

    /// <summary>With a comparison volume of 0, volume above this wakes a dormant contract.</summary>
    public long DormancyFloor { get; init; } = 100;

    /// <summary>How far from this time of day yesterday's poll may be to count as time-aligned.</summary>
    public TimeSpan AlignWindow { get; init; } = TimeSpan.FromHours(1);
}
