using Spx.Research.Market;
using Spx.Research.Pricing;
using static Spx.Research.Tests.Consolidation.ConsolidationTestLake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// <c>t_years</c> counted by hand in calendar minutes from the minute's end to settlement (16:00 New York on expiry,
/// an hour shorter across the spring DST weekend), and the IV and greeks at it against the scalar pricing API.
/// </summary>
public sealed class ConsolidationPricingTests
{
    // Bar 09:31 New York; minute's end 09:32; SPY settles 16:00 New York on expiry.
    [Theory]
    // Mon 2025-03-03 09:32 EST → Fri 2025-03-07 16:00 EST: 4 days + 6 h 28 min = 5,760 + 388 minutes.
    [InlineData("2025-03-03", "O:SPY250307C00580000", 6148)]
    // Fri 2025-03-07 09:32 EST → Mon 2025-03-10 16:00 EDT: the clock springs forward, 4,708 wall minutes are 4,648.
    [InlineData("2025-03-07", "O:SPY250310P00575000", 4648)]
    // Mon 2025-03-10 (the first EDT session, 09:31 = 13:31 UTC) → 16:00 the same day: 388 minutes.
    [InlineData("2025-03-10", "O:SPY250310C00580000", 388)]
    public void T_years_runs_from_the_minutes_end_to_settlement_in_calendar_minutes(string day, string ticker, int minutes)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        using var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(date, ticker, new Bar(1, 3.00));
        lake.WriteSpot(date, (TimeSpan.FromSeconds(90), 580.0));

        lake.Consolidate(date, date);

        var row = lake.Minutes(ticker);
        Assert.Equal(At(date, TimeSpan.FromMinutes(1)).UtcDateTime, row.GetTimestamps("ts")[0]);
        Assert.Equal(minutes / (365.0 * 1440.0), row.GetColumn<double>("t_years")[0], 15);
    }

    [Theory]
    [InlineData("O:SPY250307C00580000", 5.00, "solved")]
    [InlineData("O:SPY250307P00570000", 2.10, "solved")]
    [InlineData("O:SPY250307C00560000", 19.00, "below_intrinsic")] // intrinsic is 20
    public void Iv_and_greeks_at_the_close_with_the_configured_rate_and_yield(string ticker, double close, string status)
    {
        var day = new DateOnly(2025, 3, 3);
        using var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(day, ticker, new Bar(1, close));
        lake.WriteSpot(day, (TimeSpan.FromSeconds(90), 580.0));

        lake.Consolidate(day, day);

        var row = lake.Minutes(ticker);
        var contract = OptionTicker.Parse(ticker);
        var t = 6148 / (365.0 * 1440.0);
        var solved = ImpliedVolatility.Solve(contract.Right, close, 580.0, (double)contract.Strike, t, Rate, Yield);
        Assert.Equal(status, row.GetStrings("iv_status")[0]);
        if (status != "solved")
        {
            Assert.True(double.IsNaN(row.GetColumn<double>("iv")[0]) && double.IsNaN(row.GetColumn<double>("gamma")[0]));
            return;
        }
        var iv = row.GetColumn<double>("iv")[0];
        Assert.Equal(solved.Value, iv, 12);
        Assert.Equal(close, BlackScholes.Price(contract.Right, 580.0, (double)contract.Strike, t, Rate, Yield, iv), 9);
        var greeks = BlackScholes.Greeks(contract.Right, 580.0, (double)contract.Strike, t, Rate, Yield, iv);
        Assert.Equal(greeks.Delta, row.GetColumn<double>("delta")[0], 12);
        Assert.Equal(greeks.Gamma, row.GetColumn<double>("gamma")[0], 12);
        Assert.Equal(greeks.ThetaPerDay, row.GetColumn<double>("theta_per_day")[0], 12);
        Assert.Equal(greeks.VegaPerPoint, row.GetColumn<double>("vega_per_point")[0], 12);
        Assert.Equal(greeks.RhoPerPoint, row.GetColumn<double>("rho_per_point")[0], 12);
    }
}
