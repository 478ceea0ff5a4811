using Spx.Research.Configuration;
using Spx.Research.Market;
using Spx.Research.Monitor.Polling;

namespace Spx.Research.Tests.Monitor.Polling;

/// <summary>
/// The watched window of issue 10 ("The poll"): SPX and SPXW puts 20–45 calendar days after the poll's
/// session (to the effective expiry: docs/market-calendar.md), strikes 80–95 % of spot, every bound
/// inclusive. Spot 5000: strikes 4000…4750; from session 2025-03-07, expiries 2025-03-27…2025-04-21.
/// </summary>
public sealed class ContractWindowTests
{
    private static readonly DateOnly Session = new(2025, 3, 3);
    private static readonly ContractWindow Window = new(new MonitorSettings(), Session, 5000);

    [Theory]
    [InlineData("2025-03-07", "O:SPXW250326P04500000", false, "19 days: one before the window")]
    [InlineData("2025-03-07", "O:SPXW250327P04500000", true, "20 days: first day of the window")]
    [InlineData("2025-03-07", "O:SPXW250421P04500000", true, "45 days: last day of the window")]
    [InlineData("2025-03-07", "O:SPXW250422P04500000", false, "46 days: one after the window")]
    [InlineData("2025-03-07", "O:SPXW250404P03995000", false, "strike 79.9 % of spot")]
    [InlineData("2025-03-07", "O:SPXW250404P04000000", true, "strike exactly 80 % of spot")]
    [InlineData("2025-03-07", "O:SPXW250404P04750000", true, "strike exactly 95 % of spot")]
    [InlineData("2025-03-07", "O:SPXW250404P04755000", false, "strike 95.1 % of spot")]
    [InlineData("2025-03-07", "O:SPX250418P04500000", true, "SPX monthly (AM-settled)")]
    [InlineData("2025-03-07", "O:SPXW250417P04500000", true, "SPXW (PM-settled)")]
    [InlineData("2025-03-07", "O:SPXW250404C04500000", false, "a call")]
    [InlineData("2025-03-07", "O:SPY250404P00450000", false, "another root")]
    [InlineData("2025-03-03", "O:SPX250418P04500000", true, "listed on Good Friday 04-18, expires Thursday 04-17: 45 days, not 46")]
    [InlineData("2025-03-03", "O:SPXW250421P04500000", false, "listed 49 days out")]
    [InlineData("2025-03-03", "O:SPXW250321P04500000", false, "18 days")]
    public void Contains_exactly_the_window(string session, string ticker, bool expected, string why)
    {
        var window = new ContractWindow(new MonitorSettings(), DateOnly.Parse(session, System.Globalization.CultureInfo.InvariantCulture), 5000);
        Assert.True(window.Contains(OptionTicker.Parse(ticker)) == expected, why);
    }

    [Fact]
    public void Both_roots_keep_their_settlement_style()
    {
        Assert.Equal(SettlementTiming.AmSettled, OptionTicker.Parse("O:SPX250417P04500000").Style.Timing);
        Assert.Equal(SettlementTiming.PmSettled, OptionTicker.Parse("O:SPXW250417P04500000").Style.Timing);
    }

    [Fact]
    public void The_chain_query_asks_for_the_window_and_a_strike_margin()
    {
        var query = Window.ChainQuery(250);

        Assert.Equal(Polygon.Rest.ContractType.Put, query.ContractType);
        Assert.Equal(new DateOnly(2025, 3, 23), query.ExpirationDate!.AtLeast);
        Assert.Equal(new DateOnly(2025, 4, 20), query.ExpirationDate.AtMost); // 3 days more: listed expiries on a holiday move earlier
        Assert.True(query.StrikePrice!.AtLeast < 4000 && query.StrikePrice.AtMost > 4750);
        Assert.Equal(250, query.Limit);
    }

    [Fact]
    public void Settings_change_the_window()
    {
        var narrow = new ContractWindow(new MonitorSettings { MinDaysToExpiry = 30, MaxDaysToExpiry = 31, MinStrikeRatio = 0.9, MaxStrikeRatio = 0.9, Roots = ["SPX"] }, Session, 5000);

        Assert.True(narrow.Contains(OptionTicker.Parse("O:SPX250402P04500000")));
        Assert.False(narrow.Contains(OptionTicker.Parse("O:SPXW250402P04500000")));
        Assert.False(narrow.Contains(OptionTicker.Parse("O:SPX250404P04500000")));
        Assert.False(narrow.Contains(OptionTicker.Parse("O:SPX250402P04505000")));
    }

    [Fact]
    public void Inconsistent_settings_are_named()
    {
        var right = Assert.Throws<ArgumentException>(() => new ContractWindow(new MonitorSettings { Right = "straddle" }, Session, 5000));
        Assert.Contains("'straddle'", right.Message);
        var days = Assert.Throws<ArgumentException>(() => new ContractWindow(new MonitorSettings { MinDaysToExpiry = 50 }, Session, 5000));
        Assert.Contains("minimum 50 is above the maximum 45", days.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContractWindow(new MonitorSettings(), Session, double.NaN));
    }
}
