using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// The year fraction of docs/pricing.md ("Time to settlement"): calendar minutes from an instant to the contract's
/// settlement instant / (365·1440). Rows cross both 2025 DST changes (March 9, November 2), an early close
/// (November 28) and a holiday expiry (Good Friday, April 18). Instants are written in UTC; the comment gives New York time.
/// </summary>
public sealed class YearFractionTests
{
    [Theory]
    // 0DTE SPXW at 15:59 EDT: one minute to the 16:00 close.
    [InlineData("SPXW", "2025-03-21", "2025-03-21T19:59:00Z", 1)]
    // SPXW Monday after DST starts: Fri 16:00 EST (21:00Z) → Mon 16:00 EDT (20:00Z) is 71 h, not 72.
    [InlineData("SPXW", "2025-03-10", "2025-03-07T21:00:00Z", 71 * 60)]
    // SPXW Monday after DST ends: Fri 16:00 EDT (20:00Z) → Mon 16:00 EST (21:00Z) is 73 h.
    [InlineData("SPXW", "2025-11-03", "2025-10-31T20:00:00Z", 73 * 60)]
    // SPX AM: from the last trade (Thu 16:15 EDT) to Friday's 09:30 EDT open is 17 h 15 min.
    [InlineData("SPX", "2025-03-21", "2025-03-20T20:15:00Z", 17 * 60 + 15)]
    // SPX AM whose third Friday is Good Friday settles at Thursday's open (2025-04-17 09:30 EDT).
    [InlineData("SPX", "2025-04-18", "2025-04-16T20:15:00Z", 17 * 60 + 15)]
    // SPY on the day after Thanksgiving settles at the 13:00 EST early close: 09:30 → 13:00 is 210 min.
    [InlineData("SPY", "2025-11-28", "2025-11-28T14:30:00Z", 210)]
    // SPY 16:00 EDT close, from 09:30 EDT the same day.
    [InlineData("SPY", "2025-06-20", "2025-06-20T13:30:00Z", 390)]
    // At and after settlement: zero, never negative.
    [InlineData("SPXW", "2025-03-21", "2025-03-21T20:00:00Z", 0)]
    [InlineData("SPX", "2025-03-21", "2025-03-21T14:00:00Z", 0)]
    public void Counts_calendar_minutes_to_the_settlement_instant(string root, string expiry, string from, int minutes)
    {
        var contract = new OptionTicker(root, DateOnly.Parse(expiry), OptionRight.Put, 5000m);

        var years = YearFraction.ToSettlement(contract, DateTimeOffset.Parse(from));

        Assert.Equal(minutes / (365.0 * 1440.0), years, 1e-15);
    }

    [Fact]
    public void A_full_calendar_year_of_minutes_is_one()
    {
        var start = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(1.0, YearFraction.Between(start, start.AddDays(365)));
    }
}
