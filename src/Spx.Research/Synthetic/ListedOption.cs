using Spx.Research.Market;

namespace Spx.Research.Synthetic;

/// <summary>
/// An option contract the synthetic market lists on a session, with what the generator needs to price
/// and trade it, and which feeds it appears in.
/// </summary>
public sealed class ListedOption
{
    internal ListedOption(OptionTicker contract, bool inBars, bool inSnapshots)
    {
        Contract = contract;
        Ticker = contract.ToString();
        Underlying = contract.Underlying;
        Strike = (double)contract.Strike;
        Settlement = contract.SettlementInstant();
        LastTrade = contract.LastTradeInstant();
        InBars = inBars;
        InSnapshots = inSnapshots;
    }

    /// <summary>The contract's terms.</summary>
    public OptionTicker Contract { get; }

    /// <summary>Polygon ticker, e.g. <c>O:SPXW250321P05200000</c>.</summary>
    public string Ticker { get; }

    /// <summary>SPX for SPX and SPXW, SPY for SPY.</summary>
    public string Underlying { get; }

    /// <summary>Strike as a double for pricing.</summary>
    public double Strike { get; }

    /// <summary>Expiry date in the ticker.</summary>
    public DateOnly Expiry => Contract.Expiry;

    /// <summary>Call or put.</summary>
    public OptionRight Right => Contract.Right;

    /// <summary>When the contract settles (AM: the expiry open; PM: the expiry close).</summary>
    public DateTimeOffset Settlement { get; }

    /// <summary>When trading in the contract ends.</summary>
    public DateTimeOffset LastTrade { get; }

    /// <summary>Written to option_bars_1m.</summary>
    public bool InBars { get; internal set; }

    /// <summary>Written to chain_snapshots.</summary>
    public bool InSnapshots { get; internal set; }

    /// <summary>The price increment: SPX $0.05 under $3 and $0.10 above; SPY $0.01 (penny program).</summary>
    public double Tick(double price) => Underlying == "SPY" ? 0.01 : price < 3 ? 0.05 : 0.10;

    /// <summary>Year fraction to settlement at <paramref name="instant"/>, on calendar minutes (docs/pricing.md).</summary>
    public double YearsToSettlement(DateTimeOffset instant) => Math.Max((Settlement - instant).TotalMinutes, 0) / (365.0 * 1440);

    /// <inheritdoc />
    public override string ToString() => Ticker;
}
