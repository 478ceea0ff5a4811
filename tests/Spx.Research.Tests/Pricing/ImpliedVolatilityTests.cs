using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// The implied-volatility solver of docs/pricing.md ("Implied volatility"): the reference rows' volatilities back
/// from their prices, price → IV → price over a wide grid (0DTE minutes to five years, deep out of and in the money,
/// 1 % to 300 % volatility), and a NaN with the stated reason for every price that has no volatility.
/// </summary>
public sealed class ImpliedVolatilityTests
{
    private const double R = 0.043, Q = 0.013;

    // id, cp, S, K, T, r, q, σ, price (docs/pricing.md, "Reference values"). The table's prices carry 10 significant
    // digits, so σ comes back to about price·5e-10/vega: 1e-8 here. From the model's own price: 1e-10.
    [Theory]
    [InlineData("H1", "c", 49, 50, 0.3846, 0.05, 0, 0.2, 2.400461087)]
    [InlineData("H2", "p", 49, 50, 0.3846, 0.05, 0, 0.2, 2.448146934)]
    [InlineData("H3", "c", 42, 40, 0.5, 0.10, 0, 0.2, 4.759422393)]
    [InlineData("H4", "p", 42, 40, 0.5, 0.10, 0, 0.2, 0.8085993729)]
    [InlineData("G1", "c", 60, 65, 0.25, 0.08, 0, 0.30, 2.133368445)]
    [InlineData("G2", "p", 100, 95, 0.5, 0.10, 0.05, 0.20, 2.464787647)]
    [InlineData("G3", "p", 75, 70, 0.5, 0.10, 0.05, 0.35, 4.086953829)]
    [InlineData("G4", "c", 105, 100, 0.5, 0.10, 0.10, 0.36, 12.43284451)]
    [InlineData("G5", "p", 105, 100, 0.5, 0.10, 0.10, 0.36, 7.676697386)]
    [InlineData("G6", "c", 55, 60, 0.75, 0.10, 0, 0.30, 5.392778824)]
    [InlineData("G7", "p", 430, 405, 1.0 / 12, 0.07, 0.05, 0.20, 1.757059929)]
    [InlineData("G8", "c", 72, 75, 1.0, 0.09, 0, 0.19, 7.222751948)]
    [InlineData("G9", "p", 500, 490, 0.25, 0.08, 0.05, 0.15, 8.805649158)]
    public void Recovers_the_reference_rows_volatility(string id, string cp, double s, double k, double t, double r, double q, double sigma, double price)
    {
        var right = cp == "c" ? OptionRight.Call : OptionRight.Put;

        var fromTable = ImpliedVolatility.Solve(right, price, s, k, t, r, q);
        var fromModel = ImpliedVolatility.Solve(right, BlackScholes.Price(right, s, k, t, r, q, sigma), s, k, t, r, q);

        Assert.True(fromTable.IsSolved, $"{id}: {fromTable.Status}");
        Assert.True(Math.Abs(fromTable.Value - sigma) <= 1e-8, $"{id} from the table's price: σ {fromTable.Value:R}, expected {sigma}");
        Assert.True(Math.Abs(fromModel.Value - sigma) <= 1e-10, $"{id} from the model's price: σ {fromModel.Value:R}, expected {sigma}");
    }

    public static TheoryData<double> Volatilities => new() { 0.01, 0.05, 0.12, 0.2, 0.45, 1.0, 3.0 };

    /// <summary>
    /// Every combination of right, moneyness K/S from 0.5 to 2, time from one minute to five years: σ comes back
    /// within 1e-10 wherever the price determines it that well (its rounding, 4 ulp, moves σ by less than 1e-11),
    /// and elsewhere either σ reprices the option to its rounding or the status says the time value is lost.
    /// </summary>
    [Theory]
    [MemberData(nameof(Volatilities))]
    public void Round_trips_price_to_volatility_to_price_over_a_wide_grid(double sigma)
    {
        const double spot = 5800;
        double[] moneyness = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0, 1.01, 1.05, 1.1, 1.25, 1.5, 2.0];
        double[] minutes = [1, 5, 30, 390, 1440, 7 * 1440, 30 * 1440, 91 * 1440, 365 * 1440, 5 * 365 * 1440];
        var strict = 0;
        foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
        foreach (var m in moneyness)
        foreach (var minute in minutes)
        {
            var (k, t) = (spot * m, minute / YearFraction.MinutesPerYear);
            var greeks = BlackScholes.Greeks(right, spot, k, t, R, Q, sigma);
            var iv = ImpliedVolatility.Solve(right, greeks.Price, spot, k, t, R, Q);
            var where = $"{right} K/S {m} {minute} min σ {sigma}: price {greeks.Price:R}";
            // The price's own rounding: a few ulp of its larger terms (S·N(d1) and the strike term nearly cancel in the money).
            var priceNoise = 4 * (greeks.Price + spot * Math.Abs(greeks.Delta)) * 2.220446049250313e-16;
            if (greeks.Vega > 0 && priceNoise / greeks.Vega < 1e-11 && greeks.Price > 1e-250)
            {
                strict++;
                Assert.True(iv.IsSolved, $"{where}: {iv.Status}");
                Assert.True(Math.Abs(iv.Value - sigma) <= 1e-10, $"{where}: σ {iv.Value:R}");
            }
            else if (iv.IsSolved)
            {
                // Prices below 1e-250 lose digits in the normal tails; σ still comes back, or reprices the option.
                var again = BlackScholes.Price(right, spot, k, t, R, Q, iv.Value);
                Assert.True(Math.Abs(iv.Value - sigma) <= 1e-10 || Math.Abs(again - greeks.Price) <= 1e-12 * greeks.Price, $"{where}: σ {iv.Value:R} reprices to {again:R}");
            }
            else
            {
                Assert.True(iv.Status is ImpliedVolatilityStatus.NoTimeValue, $"{where}: {iv.Status}");
            }
        }

        Assert.True(strict >= 50, $"only {strict} of 260 grid points were checked in σ-space");
    }

    [Theory]
    // A 0DTE SPXW put 5 points out of the money one minute before the close, and a call 3 % out with 10 minutes left.
    [InlineData("p", 5800, 5795, 1, 0.11)]
    [InlineData("c", 5800, 5974, 10, 0.35)]
    // Deep out of the money, far below the lower tangent point: an 80 %-of-spot put a week out at 15 % volatility (price ~1e-25).
    [InlineData("p", 5800, 4640, 7 * 1440, 0.15)]
    public void Solves_short_dated_and_far_out_of_the_money_prices(string cp, double s, double k, double minutes, double sigma)
    {
        var right = cp == "c" ? OptionRight.Call : OptionRight.Put;
        var t = minutes / YearFraction.MinutesPerYear;
        var price = BlackScholes.Price(right, s, k, t, R, Q, sigma);

        var iv = ImpliedVolatility.Solve(right, price, s, k, t, R, Q);

        Assert.True(price > 0, "the case must have a price");
        Assert.Equal(ImpliedVolatilityStatus.Solved, iv.Status);
        Assert.True(Math.Abs(iv.Value - sigma) <= 1e-10 * Math.Max(1, sigma / 0.01) || Math.Abs(BlackScholes.Price(right, s, k, t, R, Q, iv.Value) / price - 1) <= 1e-12,
            $"σ {iv.Value:R}, expected {sigma}");
    }

    [Fact]
    public void A_call_and_a_put_at_one_volatility_give_the_same_volatility()
    {
        const double s = 5800, k = 5650, t = 30 / 365.0, sigma = 0.19;
        var call = ImpliedVolatility.Solve(OptionRight.Call, BlackScholes.Price(OptionRight.Call, s, k, t, R, Q, sigma), s, k, t, R, Q);
        var put = ImpliedVolatility.Solve(OptionRight.Put, BlackScholes.Price(OptionRight.Put, s, k, t, R, Q, sigma), s, k, t, R, Q);
        Assert.Equal(call.Value, put.Value, 1e-10);
        Assert.Equal(sigma, put.Value, 1e-10);
    }

    [Theory]
    // A call struck at 50 on 100, r = q = 0: intrinsic 50. Below it, at it, at the bound S, above it.
    [InlineData("c", 49.99, 100, 50, 0.5, ImpliedVolatilityStatus.BelowIntrinsic)]
    [InlineData("c", -0.01, 100, 150, 0.5, ImpliedVolatilityStatus.BelowIntrinsic)]
    [InlineData("c", 50, 100, 50, 0.5, ImpliedVolatilityStatus.NoTimeValue)]
    [InlineData("c", 100, 100, 50, 0.5, ImpliedVolatilityStatus.AboveUpperBound)]
    [InlineData("p", 50.0001, 100, 50, 0.5, ImpliedVolatilityStatus.AboveUpperBound)]
    [InlineData("p", 0, 100, 50, 0.5, ImpliedVolatilityStatus.NoTimeValue)]
    [InlineData("c", 5, 100, 100, 0, ImpliedVolatilityStatus.Expired)]
    [InlineData("c", 5, 100, 100, -0.001, ImpliedVolatilityStatus.Expired)]
    [InlineData("c", double.NaN, 100, 100, 0.5, ImpliedVolatilityStatus.NonFiniteInput)]
    [InlineData("c", 5, double.PositiveInfinity, 100, 0.5, ImpliedVolatilityStatus.NonFiniteInput)]
    [InlineData("p", 5, 100, 100, double.NaN, ImpliedVolatilityStatus.NonFiniteInput)]
    [InlineData("c", 5, 0, 100, 0.5, ImpliedVolatilityStatus.NonPositiveSpotOrStrike)]
    [InlineData("p", 5, 100, -100, 0.5, ImpliedVolatilityStatus.NonPositiveSpotOrStrike)]
    public void A_price_with_no_volatility_gives_NaN_and_the_reason(string cp, double price, double s, double k, double t, ImpliedVolatilityStatus expected)
    {
        var iv = ImpliedVolatility.Solve(cp == "c" ? OptionRight.Call : OptionRight.Put, price, s, k, t, 0, 0);

        Assert.Equal(expected, iv.Status);
        Assert.True(double.IsNaN(iv.Value), $"value {iv.Value:R}");
    }

    [Fact]
    public void Deep_in_the_money_time_value_lost_in_rounding_is_no_time_value()
    {
        // A 5-year put struck at 3× spot with 1 % volatility: its time value is far below the price's last digit.
        var price = BlackScholes.Price(OptionRight.Put, 100, 300, 5, 0, 0, 0.01);
        Assert.Equal(200.0, price);
        Assert.Equal(ImpliedVolatilityStatus.NoTimeValue, ImpliedVolatility.Solve(OptionRight.Put, price, 100, 300, 5, 0, 0).Status);
    }
}
