namespace Spx.Research.Monitor.Detection;

/// <summary>Which price the premium was computed with, in the order they are tried.</summary>
public enum PriceSource
{
    /// <summary>The last trade: what was actually paid.</summary>
    Last,

    /// <summary>The mid of bid and ask, when there is no last trade.</summary>
    Mid,

    /// <summary>The session's VWAP, when there is neither a trade price nor a two-sided quote.</summary>
    Vwap,

    /// <summary>No usable price: the premium is unknown and the contract fails the premium floor.</summary>
    None,
}
