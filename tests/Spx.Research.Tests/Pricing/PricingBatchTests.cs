using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// <see cref="PricingBatch"/> over columns equals the scalar <see cref="BlackScholes"/> and <see cref="ImpliedVolatility"/>
/// bit for bit, writes NaN greeks with the reason where a price has no volatility, and names a short column.
/// </summary>
public sealed class PricingBatchTests
{
    private const int Count = 2_000;

    [Fact]
    public void Greeks_and_implied_volatilities_equal_the_scalar_results_bit_for_bit()
    {
        var c = Columns.Random(Count, seed: 7);
        var g = new Outputs(Count);
        var iv = new double[Count];
        var status = new ImpliedVolatilityStatus[Count];

        PricingBatch.Greeks(c.Options, c.Sigma, g.Greeks);
        PricingBatch.ImpliedVolatilities(c.Options, g.Price, iv, status);

        for (var i = 0; i < Count; i++)
        {
            var scalar = BlackScholes.Greeks(c.Right[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i], c.Sigma[i]);
            Assert.Equal(scalar.Price, g.Price[i]);
            Assert.Equal(scalar.Delta, g.Delta[i]);
            Assert.Equal(scalar.Gamma, g.Gamma[i]);
            Assert.Equal(scalar.ThetaPerDay, g.Theta[i]);
            Assert.Equal(scalar.VegaPerPoint, g.Vega[i]);
            Assert.Equal(scalar.RhoPerPoint, g.Rho[i]);
            var solved = ImpliedVolatility.Solve(c.Right[i], g.Price[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i]);
            Assert.Equal(solved.Value, iv[i]);
            Assert.Equal(solved.Status, status[i]);
        }

        Assert.True(status.Count(s => s == ImpliedVolatilityStatus.Solved) > Count / 2, "most random options must have a volatility");
    }

    [Fact]
    public void Implied_greeks_are_the_greeks_at_the_implied_volatility_and_NaN_where_there_is_none()
    {
        var c = Columns.Random(Count, seed: 11);
        var prices = new double[Count];
        for (var i = 0; i < Count; i++)
            prices[i] = i % 10 == 0 ? -1.0 : BlackScholes.Price(c.Right[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i], c.Sigma[i]);
        var g = new Outputs(Count);
        var iv = new double[Count];
        var status = new ImpliedVolatilityStatus[Count];

        PricingBatch.ImpliedGreeks(c.Options, prices, iv, status, g.Greeks);

        for (var i = 0; i < Count; i++)
        {
            if (i % 10 == 0)
            {
                Assert.Equal(ImpliedVolatilityStatus.BelowIntrinsic, status[i]);
                Assert.True(double.IsNaN(iv[i]) && double.IsNaN(g.Delta[i]) && double.IsNaN(g.Price[i]), $"row {i}");
                continue;
            }

            if (status[i] != ImpliedVolatilityStatus.Solved) continue;
            var atIv = BlackScholes.Greeks(c.Right[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i], iv[i]);
            Assert.Equal(atIv.Delta, g.Delta[i]);
            Assert.Equal(atIv.VegaPerPoint, g.Vega[i]);
        }
    }

    [Fact]
    public void A_column_of_the_wrong_length_is_named()
    {
        var c = Columns.Random(10, seed: 1);
        var g = new Outputs(10);
        var error = Assert.Throws<ArgumentException>(() => PricingBatch.Greeks(c.Options, c.Sigma.AsSpan(0, 9), g.Greeks));
        Assert.Contains("column Sigma has 9 values, expected 10", error.Message);
    }

    /// <summary>Random SPX-like options: both rights, strikes 60–140 % of spot, one minute to two years, 5–150 % volatility.</summary>
    private sealed record Columns(OptionRight[] Right, double[] Spot, double[] Strike, double[] Years, double[] Rate, double[] Yield, double[] Sigma)
    {
        public OptionColumns Options => new(Right, Spot, Strike, Years, Rate, Yield);

        public static Columns Random(int n, int seed)
        {
            var random = new Random(seed);
            var c = new Columns(new OptionRight[n], new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
            for (var i = 0; i < n; i++)
            {
                c.Right[i] = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
                c.Spot[i] = 5800 * (0.9 + 0.2 * random.NextDouble());
                c.Strike[i] = 5800 * (0.6 + 0.8 * random.NextDouble());
                c.Years[i] = Math.Exp(Math.Log(1 / YearFraction.MinutesPerYear) + random.NextDouble() * Math.Log(2 * YearFraction.MinutesPerYear));
                c.Rate[i] = 0.043;
                c.Yield[i] = 0.013;
                c.Sigma[i] = 0.05 + 1.45 * random.NextDouble();
            }

            return c;
        }
    }

    private sealed class Outputs(int n)
    {
        public double[] Price { get; } = new double[n];
        public double[] Delta { get; } = new double[n];
        public double[] Gamma { get; } = new double[n];
        public double[] Theta { get; } = new double[n];
        public double[] Vega { get; } = new double[n];
        public double[] Rho { get; } = new double[n];
        public GreekColumns Greeks => new(Price, Delta, Gamma, Theta, Vega, Rho);
    }
}
