using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// <see cref="PricingBatch"/> over columns: implied volatilities equal the scalar <see cref="ImpliedVolatility"/> bit for
/// bit; greeks equal the scalar formula with the batch's CDF bit for bit and the public <see cref="BlackScholes.Greeks"/>
/// to 1e-12 (docs/pricing.md); NaN greeks with the reason where a price has no volatility; a short column is named.
/// </summary>
public sealed class PricingBatchTests
{
    private const int Count = 2_000;

    [Fact]
    public void Greeks_and_implied_volatilities_match_the_scalar_results()
    {
        var c = Columns.Random(Count, seed: 7);
        var g = new Outputs(Count);
        var iv = new double[Count];
        var status = new ImpliedVolatilityStatus[Count];

        PricingBatch.Greeks(c.Options, c.Sigma, g.Greeks);
        PricingBatch.ImpliedVolatilities(c.Options, g.Price, iv, status);

        for (var i = 0; i < Count; i++)
        {
            var kernel = BlackScholes.Greeks<CodyNormal>(c.Right[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i], c.Sigma[i]);
            Assert.Equal(kernel.Price, g.Price[i]);
            Assert.Equal(kernel.Delta, g.Delta[i]);
            Assert.Equal(kernel.Gamma, g.Gamma[i]);
            Assert.Equal(kernel.ThetaPerDay, g.Theta[i]);
            Assert.Equal(kernel.VegaPerPoint, g.Vega[i]);
            Assert.Equal(kernel.RhoPerPoint, g.Rho[i]);
            var scalar = BlackScholes.Greeks(c.Right[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i], c.Sigma[i]);
            Near(i, "price", scalar.Price, g.Price[i], c.Spot[i]);
            Near(i, "delta", scalar.Delta, g.Delta[i], 1);
            Near(i, "gamma", scalar.Gamma, g.Gamma[i], 1 / c.Spot[i]);
            Near(i, "theta", scalar.ThetaPerDay, g.Theta[i], c.Spot[i] / 365);
            Near(i, "vega", scalar.VegaPerPoint, g.Vega[i], c.Spot[i] / 100);
            Near(i, "rho", scalar.RhoPerPoint, g.Rho[i], c.Strike[i] / 100);
            var solved = ImpliedVolatility.Solve(c.Right[i], g.Price[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i]);
            Assert.Equal(solved.Value, iv[i]);
            Assert.Equal(solved.Status, status[i]);
        }

        Assert.True(status.Count(s => s == ImpliedVolatilityStatus.Solved) > Count / 2, "most random options must have a volatility");
    }

    /// <summary>
    /// The batch's CDF (Cody) and the public scalar's (MathNet) differ by a few ulp, and by x²·ε far in the tails where
    /// MathNet rounds x² (CodyErfcTests): 1e-12 relative, or 1e-14 of the greek's natural scale for values near zero.
    /// </summary>
    private static void Near(int row, string what, double scalar, double batch, double scale) =>
        Assert.True(Math.Abs(scalar - batch) <= Math.Max(1e-12 * Math.Abs(scalar), 1e-14 * scale), $"row {row} {what}: scalar {scalar:R}, batch {batch:R}");

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
            var atIv = BlackScholes.Greeks<CodyNormal>(c.Right[i], c.Spot[i], c.Strike[i], c.Years[i], c.Rate[i], c.Yield[i], iv[i]);
            Near(i, "price", atIv.Price, g.Price[i], c.Spot[i]);
            Near(i, "delta", atIv.Delta, g.Delta[i], 1);
            Near(i, "gamma", atIv.Gamma, g.Gamma[i], 1 / c.Spot[i]);
            Near(i, "theta", atIv.ThetaPerDay, g.Theta[i], c.Spot[i] / 365);
            Near(i, "vega", atIv.VegaPerPoint, g.Vega[i], c.Spot[i] / 100);
            Near(i, "rho", atIv.RhoPerPoint, g.Rho[i], c.Strike[i] / 100);
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
