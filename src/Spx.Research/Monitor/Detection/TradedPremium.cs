using System.Globalization;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// Dollars traded in a contract today: price × day volume × 100 (the SPX multiplier). The price is the last
/// trade, else the bid/ask mid, else the day VWAP (see docs/monitor.md), and the alert says which, because a
/// mid on a wide quote can overstate what was paid.
/// </summary>
/// <param name="Price">The price used, or null when none was usable.</param>
/// <param name="Source">Which price it is.</param>
/// <param name="Dollars">The premium, or null when there is no price.</param>
public sealed record TradedPremium(double? Price, PriceSource Source, double? Dollars)
{
    /// <summary>Contract multiplier of SPX and SPXW options.</summary>
    public const double Multiplier = 100;

    /// <summary>The premium of <paramref name="contract"/>'s day volume.</summary>
    public static TradedPremium Of(PolledContract contract)
    {
        var (price, source) = PriceOf(contract);
        return new TradedPremium(price, source, price * contract.DayVolume * Multiplier);
    }

    /// <summary>
    /// A last price or VWAP must be positive; a quote must be two-sided and not crossed (a zero bid is a real
    /// quote on a far out-of-the-money put, a zero or missing ask is not).
    /// </summary>
    private static (double? Price, PriceSource Source) PriceOf(PolledContract contract)
    {
        if (contract.LastPrice is > 0 and var last) return (last, PriceSource.Last);
        if (contract is { Bid: >= 0 and var bid, Ask: > 0 and var ask } && ask >= bid) return ((bid + ask) / 2, PriceSource.Mid);
        if (contract.DayVwap is > 0 and var vwap) return (vwap, PriceSource.Vwap);
        return (null, PriceSource.None);
    }

    /// <summary>e.g. <c>$312,500 (last 2.50)</c> or <c>unknown (no price)</c>.</summary>
    public override string ToString() => Dollars is { } dollars
        ? $"{Numbers.Dollars(dollars)} ({SourceName} {Price!.Value.ToString("0.00##", CultureInfo.InvariantCulture)})"
        : "unknown (no price)";

    private string SourceName => Source switch
    {
        PriceSource.Last => "last",
        PriceSource.Mid => "mid",
        PriceSource.Vwap => "vwap",
        _ => "none",
    };
}
