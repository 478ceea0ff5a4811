using Spx.Research.Market;

namespace Spx.Research.Tests.Market;

/// <summary>
/// Option trading hours and expiry instants, from docs/market-calendar.md's "Option sessions" (Cboe SPX spec:
/// SPX monthlies AM-settled, last trade the prior business day; SPXW PM-settled; options trade to 16:15 ET,
/// PM SPXW expiring that day stop at 16:00 ET; 13:15 ET on NYSE early-close days) and the holiday table.
/// </summary>
public class OptionScheduleTests
{
    [Theory]
    [InlineData("2024-12-23", "2024-12-23T21:15:00Z")] // 16:15 EST
    [InlineData("2024-12-24", "2024-12-24T18:15:00Z")] // 13:15 EST, early close
    [InlineData("2024-07-03", "2024-07-03T17:15:00Z")] // 13:15 EDT, early close
    [InlineData("2024-07-05", "2024-07-05T20:15:00Z")] // 16:15 EDT
    [InlineData("2024-11-29", "2024-11-29T18:15:00Z")] // day after Thanksgiving
    public void Options_close_fifteen_minutes_after_the_equity_close(string date, string closeUtc)
    {
        Assert.Equal(Iso.Utc(closeUtc), OptionTradingHours.Close(NyseCalendar.Default, Iso.Date(date)));
    }

    [Fact]
    public void Options_close_on_a_holiday_is_an_error_naming_the_date()
    {
        var error = Assert.Throws<ArgumentException>(() => OptionTradingHours.Close(NyseCalendar.Default, Iso.Date("2024-12-25")));

        Assert.Contains("2024-12-25", error.Message);
    }

    [Theory]
    // SPXW, PM-settled: stops at the 16:00 ET close of expiry day, settles on that close.
    [InlineData("O:SPXW241220P05800000", "2024-12-20", "2024-12-20", "2024-12-20T21:00:00Z", "2024-12-20T21:00:00Z")]
    [InlineData("O:SPXW240628C05500000", "2024-06-28", "2024-06-28", "2024-06-28T20:00:00Z", "2024-06-28T20:00:00Z")] // EDT
    // SPXW expiring on an early close: stops at 13:00 ET.
    [InlineData("O:SPXW241129P05800000", "2024-11-29", "2024-11-29", "2024-11-29T18:00:00Z", "2024-11-29T18:00:00Z")]
    // SPXW written for Good Friday 2024: expiry moves to Thursday.
    [InlineData("O:SPXW240329P05000000", "2024-03-28", "2024-03-28", "2024-03-28T20:00:00Z", "2024-03-28T20:00:00Z")]
    // SPX monthly, AM-settled: last trade 16:15 ET the day before, settles at Friday's 09:30 ET open (SET).
    [InlineData("O:SPX241220C05800000", "2024-12-20", "2024-12-19", "2024-12-19T21:15:00Z", "2024-12-20T14:30:00Z")]
    [InlineData("O:SPX240621C05500000", "2024-06-21", "2024-06-20", "2024-06-20T20:15:00Z", "2024-06-21T13:30:00Z")] // EDT
    // SPX April 2025: third Friday is Good Friday → expiry Thursday Apr 17, last trade Wednesday.
    [InlineData("O:SPX250418P05000000", "2025-04-17", "2025-04-16", "2025-04-16T20:15:00Z", "2025-04-17T13:30:00Z")]
    [InlineData("O:SPX250417P05000000", "2025-04-17", "2025-04-16", "2025-04-16T20:15:00Z", "2025-04-17T13:30:00Z")]
    // Synthetic AM contract whose prior session is an early close: last trade 13:15 ET.
    [InlineData("O:SPX241202P05800000", "2024-12-02", "2024-11-29", "2024-11-29T18:15:00Z", "2024-12-02T14:30:00Z")]
    // SPY (American, PM): stops at the 16:00 ET close on expiry day (13:00 on an early close).
    [InlineData("O:SPY240517C00512500", "2024-05-17", "2024-05-17", "2024-05-17T20:00:00Z", "2024-05-17T20:00:00Z")]
    [InlineData("O:SPY241224C00600000", "2024-12-24", "2024-12-24", "2024-12-24T18:00:00Z", "2024-12-24T18:00:00Z")]
    public void Expiry_last_trade_and_settlement(string ticker, string effectiveExpiry, string lastTradeDate, string lastTradeUtc, string settlementUtc)
    {
        var contract = OptionTicker.Parse(ticker);

        Assert.Equal(Iso.Date(effectiveExpiry), contract.EffectiveExpiry());
        Assert.Equal(Iso.Date(lastTradeDate), contract.LastTradeDate());
        Assert.Equal(Iso.Utc(lastTradeUtc), contract.LastTradeInstant());
        Assert.Equal(Iso.Utc(settlementUtc), contract.SettlementInstant());
    }

    [Theory]
    [InlineData("O:SPXW241220P05800000", "2024-12-18", "2024-12-18T21:15:00Z")] // before expiry: 16:15
    [InlineData("O:SPXW241220P05800000", "2024-12-20", "2024-12-20T21:00:00Z")] // expiry day: 16:00
    [InlineData("O:SPXW241220P05800000", "2024-12-21", null)]                   // Saturday
    [InlineData("O:SPXW241220P05800000", "2024-12-23", null)]                   // expired
    [InlineData("O:SPXW241227P05800000", "2024-12-24", "2024-12-24T18:15:00Z")] // early close, not expiring: 13:15
    [InlineData("O:SPX241220C05800000", "2024-12-19", "2024-12-19T21:15:00Z")]  // AM: last day trades to 16:15
    [InlineData("O:SPX241220C05800000", "2024-12-20", null)]                    // AM: no trading on expiry day
    public void TradingClose_for_a_contract_on_a_day(string ticker, string date, string? closeUtc)
    {
        var expected = closeUtc is null ? (DateTimeOffset?)null : Iso.Utc(closeUtc);

        Assert.Equal(expected, OptionTicker.Parse(ticker).TradingClose(Iso.Date(date)));
    }

    [Fact]
    public void An_announced_closure_moves_the_expiry_of_contracts_evaluated_with_that_calendar()
    {
        var calendar = NyseCalendar.Default.WithExtraClosures([Iso.Date("2026-03-20")]);
        var contract = OptionTicker.Parse("O:SPXW260320P06000000");

        Assert.Equal(Iso.Date("2026-03-19"), contract.EffectiveExpiry(calendar));
        Assert.Equal(Iso.Utc("2026-03-19T20:00:00Z"), contract.LastTradeInstant(calendar));
        Assert.Equal(Iso.Date("2026-03-20"), contract.EffectiveExpiry());
    }
}
