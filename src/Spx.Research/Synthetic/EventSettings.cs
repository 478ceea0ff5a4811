namespace Spx.Research.Synthetic;

/// <summary>
/// How often labelled events happen and how big they are. Events belong to the market, not to the output
/// profile: the same seed and settings give the same index path whichever contracts are written.
/// </summary>
public sealed record EventSettings
{
    /// <summary>Chance a hedging episode starts on a session.</summary>
    public double HedgingEpisodesPerSession { get; init; } = 0.06;

    /// <summary>Contracts bought per episode, drawn log-uniformly between these.</summary>
    public long MinEpisodeSize { get; init; } = 4_000;

    /// <inheritdoc cref="MinEpisodeSize"/>
    public long MaxEpisodeSize { get; init; } = 25_000;

    /// <summary>Sessions an episode persists, drawn uniformly between these.</summary>
    public int MinEpisodeSessions { get; init; } = 1;

    /// <inheritdoc cref="MinEpisodeSessions"/>
    public int MaxEpisodeSessions { get; init; } = 3;

    /// <summary>Chance an episode is followed by an index drawdown.</summary>
    public double DrawdownProbability { get; init; } = 0.3;

    /// <summary>Chance of a sharp SPY move on a session.</summary>
    public double MomentumEventsPerSession { get; init; } = 0.35;

    /// <summary>Episodes to add on top of the random ones (fixed scenarios for tests and demos).</summary>
    public IReadOnlyList<HedgingEpisode> ExtraEpisodes { get; init; } = [];

    /// <summary>Defaults.</summary>
    public static EventSettings Default { get; } = new();
}
