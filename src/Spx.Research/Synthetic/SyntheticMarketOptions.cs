using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>Everything that decides the synthetic market's output: the same options give the same data, byte for byte.</summary>
public sealed record SyntheticMarketOptions
{
    /// <summary>The random seed.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Which contracts and feeds are written.</summary>
    public SyntheticProfile Profile { get; init; } = SyntheticProfile.Sample;

    /// <summary>Price and volatility dynamics.</summary>
    public MarketModel Model { get; init; } = MarketModel.Default;

    /// <summary>Labelled events.</summary>
    public EventSettings Events { get; init; } = EventSettings.Default;

    /// <summary>Sessions, early closes and holidays.</summary>
    public NyseCalendar Calendar { get; init; } = NyseCalendar.Default;
}
