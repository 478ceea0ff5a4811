using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// What the generator writes: which option contracts go to the minute-bar feed and to the chain
/// snapshots, whether SPY has per-second bars, and how much news. The market itself (index path, events)
/// does not depend on the profile.
/// </summary>
public sealed record SyntheticProfile
{
    /// <summary>Profile name, as given to <c>spx generate --profile</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Contracts with per-minute bars.</summary>
    public required IReadOnlyList<ContractFilter> BarContracts { get; init; }

    /// <summary>Contracts in the 15-minute chain snapshots (the hedging monitor's universe).</summary>
    public required IReadOnlyList<ContractFilter> SnapshotContracts { get; init; }

    /// <summary>Write SPY per-second bars.</summary>
    public bool SpySecondBars { get; init; } = true;

    /// <summary>Average news items per session.</summary>
    public double NewsPerSession { get; init; } = 8;

    /// <summary>Minutes between chain snapshots.</summary>
    public int SnapshotIntervalMinutes { get; init; } = 15;

    /// <summary>
    /// Small enough to commit (the bundled sample lake): minute bars for SPY options within 1.5% out to three
    /// days; snapshots of the hedging monitor's universe (SPX/SPXW puts 5–20% out of the money, 20–45 days,
    /// every listed strike) plus a 25-point grid of puts and calls near the money out to 50 days for smiles
    /// and the term structure.
    /// </summary>
    public static SyntheticProfile Sample { get; } = new()
    {
        Name = "sample",
        BarContracts = [new("SPY", null, 0.985, 1.015, 0, 3)],
        SnapshotContracts =
        [
            new("SPX", OptionRight.Put, 0.79, 0.96, 18, 47),
            new("SPXW", OptionRight.Put, 0.79, 0.96, 18, 47),
            new("SPX", OptionRight.Put, 0.80, 1.02, 0, 50, StrikeMultiple: 25),
            new("SPXW", OptionRight.Put, 0.80, 1.02, 0, 50, StrikeMultiple: 25),
            new("SPX", OptionRight.Call, 0.98, 1.06, 0, 50, StrikeMultiple: 25),
            new("SPXW", OptionRight.Call, 0.98, 1.06, 0, 50, StrikeMultiple: 25),
        ],
        NewsPerSession = 8,
    };

    /// <summary>
    /// A research-sized lake: SPY options within 8% out to 45 days, SPX/SPXW puts 35% below to 3% above out
    /// to 120 days and calls to 10% above out to 60 days.
    /// </summary>
    public static SyntheticProfile Full { get; } = new()
    {
        Name = "full",
        BarContracts =
        [
            new("SPY", null, 0.92, 1.08, 0, 45),
            new("SPXW", null, 0.95, 1.05, 0, 7),
            new("SPX", OptionRight.Put, 0.75, 0.97, 15, 60),
            new("SPXW", OptionRight.Put, 0.75, 0.97, 15, 60),
        ],
        SnapshotContracts =
        [
            new("SPX", OptionRight.Put, 0.65, 1.03, 0, 120),
            new("SPXW", OptionRight.Put, 0.65, 1.03, 0, 120),
            new("SPX", OptionRight.Call, 0.97, 1.10, 0, 60),
            new("SPXW", OptionRight.Call, 0.97, 1.10, 0, 60),
        ],
        NewsPerSession = 20,
    };

    /// <summary>The benchmark workload: SPY seconds, SPX, VIX and about 100 near-the-money SPY contracts a day.</summary>
    public static SyntheticProfile Bench { get; } = new()
    {
        Name = "bench",
        BarContracts = [new("SPY", null, 0.985, 1.015, 0, 3)],
        SnapshotContracts = [],
        NewsPerSession = 8,
    };

    /// <summary>The named profiles.</summary>
    public static IReadOnlyList<SyntheticProfile> All { get; } = [Sample, Full, Bench];

    /// <summary>The profile called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such profile; the message lists the names.</exception>
    public static SyntheticProfile Named(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown profile '{name}' (expected one of: {string.Join(", ", All.Select(p => p.Name))})", nameof(name));
}
