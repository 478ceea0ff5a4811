using Spx.Research.Configuration;
using Spx.Research.Monitor.Polling;
using Spx.Research.Polygon.Rest;

namespace Spx.Research.Tests.Monitor.Polling;

/// <summary>Chain items to watched contracts: the window, each contract once, volume 0 when missing, Greeks NULL when missing.</summary>
public sealed class ContractDiscoveryTests
{
    private static readonly ContractWindow Window = new(new MonitorSettings(), new DateOnly(2025, 3, 3), 5000);

    private static OptionContractSnapshot Item(string? ticker, double? volume = 10, SnapshotGreeks? greeks = null, double? oi = 7) => new()
    {
        Details = new ContractDetails { Ticker = ticker },
        Day = volume is null ? null : new DaySummary { Volume = volume, Vwap = 1.5 },
        Greeks = greeks,
        OpenInterest = oi,
        ImpliedVolatility = 0.2,
        LastQuote = new LastQuote { Bid = 1.0, Ask = 1.2 },
    };

    [Fact]
    public void Keeps_the_window_each_contract_once_in_chain_order()
    {
        var (contracts, unreadable) = ContractDiscovery.Select(
        [
            Item("O:SPXW250404P04500000", volume: 10),
            Item("O:SPXW250404C04500000"),
            Item("O:SPX250417P04000000"),
            Item("O:SPXW250404P04500000", volume: 99),
            Item("O:SPXW250501P04500000"),
        ], Window);

        Assert.Equal(["O:SPXW250404P04500000", "O:SPX250417P04000000"], contracts.Select(c => c.Ticker.ToString()));
        Assert.Equal(10, contracts[0].DayVolume);
        Assert.Equal(0, unreadable);
    }

    [Fact]
    public void Missing_volume_is_zero_and_missing_greeks_stay_null()
    {
        var (contracts, _) = ContractDiscovery.Select(
        [
            Item("O:SPXW250404P04500000", volume: null, greeks: new SnapshotGreeks(), oi: null),
            Item("O:SPXW250404P04550000", greeks: new SnapshotGreeks { Delta = -0.1, Vega = 2.5 }),
        ], Window);

        var bare = contracts[0];
        Assert.Equal(0, bare.DayVolume);
        Assert.Null(bare.OpenInterest);
        Assert.Equal([null, null, null, null], new[] { bare.Delta, bare.Gamma, bare.Theta, bare.Vega });
        var partial = contracts[1];
        Assert.Equal(-0.1, partial.Delta);
        Assert.Null(partial.Gamma);
        Assert.Null(partial.Theta);
        Assert.Equal(2.5, partial.Vega);
        Assert.Equal((7L, 1.0, 1.2, 1.5, 0.2), (partial.OpenInterest!.Value, partial.Bid!.Value, partial.Ask!.Value, partial.DayVwap!.Value, partial.ImpliedVolatility!.Value));
    }

    [Fact]
    public void Items_without_a_readable_ticker_are_counted_and_left_out()
    {
        var (contracts, unreadable) = ContractDiscovery.Select([Item(null), Item("SPXW250404P04500000"), Item("O:SPXW250404P04500000")], Window);

        Assert.Single(contracts);
        Assert.Equal(2, unreadable);
    }
}
