using System.Runtime.Intrinsics;
using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// <see cref="PricingBatch"/> against the scalar API, which stays the reference (docs/pricing.md, "Columns: the batch
/// API"), at every vector width this machine runs (8, 4, 2 lanes) and at one lane (the scalar loop), over a grid of
/// 2,760 options (0DTE minutes to five years, strikes 50–200 % of spot, 1–300 % volatility, NaN and infinite inputs,
/// expired and zero-volatility rows; a length that is not a multiple of any width):
/// statuses equal the scalar's exactly; greeks agree with <see cref="BlackScholes.Greeks"/> to 1e-12 relative (1e-14
/// of the greek's natural scale near zero); implied volatilities agree with <see cref="ImpliedVolatility.Solve"/> to
/// 2e-11 wherever the price determines σ to 1e-11, and elsewhere reprice the option to 1e-12; the widths agree bit for bit.
/// </summary>
public sealed class PricingBatchTests
{
    private const double R = 0.043, Q = 0.013;

    /// <summary>The widths this machine computes natively, and 1 (the scalar loop).</summary>
    public static TheoryData<int> Widths() => new(NativeWidths().Prepend(1));

    private static IEnumerable<int> NativeWidths()
    {
        if (Vector128.IsHardwareAccelerated) yield return 2;
        if (Vector256.IsHardwareAccelerated) yield return 4;
        if (Vector512.IsHardwareAccelerated) yield return 8;
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Greeks_agree_with_the_scalar_formula(int lanes)
    {
        var grid = Grid.Build();
        var g = new Outputs(grid.Count);

        PricingBatch.Greeks(grid.Options, grid.Sigma, g.Greeks, lanes);

        for (var i = 0; i < grid.Count; i++)
        {
            var scalar = BlackScholes.Greeks(grid.Right[i], grid.Spot[i], grid.Strike[i], grid.Years[i], grid.Rate[i], grid.Yield[i], grid.Sigma[i]);
            AssertGreeks($"{lanes} lanes, {grid.Describe(i)}", scalar, g, i, grid.Spot[i], grid.Strike[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Implied_volatilities_have_the_scalar_statuses_and_agree_with_its_values(int lanes)
    {
        var grid = Grid.Build();
        var prices = grid.Prices();
        var iv = new double[grid.Count];
        var status = new ImpliedVolatilityStatus[grid.Count];

        PricingBatch.Implied(grid.Options, prices, iv, status, default, withGreeks: false, lanes);

        var strict = 0;
        for (var i = 0; i < grid.Count; i++)
        {
            var where = $"{lanes} lanes, {grid.Describe(i)}, price {prices[i]:R}";
            var scalar = ImpliedVolatility.Solve(grid.Right[i], prices[i], grid.Spot[i], grid.Strike[i], grid.Years[i], grid.Rate[i], grid.Yield[i]);
            Assert.True(scalar.Status == status[i], $"{where}: status {status[i]}, scalar {scalar.Status}");
            if (!scalar.IsSolved)
            {
                Assert.True(double.IsNaN(iv[i]), $"{where}: iv {iv[i]:R} with status {status[i]}");
                continue;
            }

            if (grid.DeterminesSigma(i, prices[i]))
            {
                strict++;
                Assert.True(Math.Abs(iv[i] - scalar.Value) <= 2e-11, $"{where}: σ {iv[i]:R}, scalar {scalar.Value:R}");
            }
            else
            {
                // As the scalar promises (ImpliedVolatilityTests): σ back within 1e-10, or a σ that reprices the option to 1e-12.
                var again = BlackScholes.Price(grid.Right[i], grid.Spot[i], grid.Strike[i], grid.Years[i], grid.Rate[i], grid.Yield[i], iv[i]);
                var modelPrice = prices[i] == BlackScholes.Price(grid.Right[i], grid.Spot[i], grid.Strike[i], grid.Years[i], grid.Rate[i], grid.Yield[i], grid.Sigma[i]);
                Assert.True(modelPrice && Math.Abs(iv[i] - grid.Sigma[i]) <= 1e-10 || Math.Abs(again - prices[i]) <= 1e-12 * prices[i],
                    $"{where}: σ {iv[i]:R} reprices to {again:R} (scalar σ {scalar.Value:R})");
            }
        }

        Assert.True(strict >= 1000, $"only {strict} rows were checked in σ");
        Assert.True(status.Distinct().Count() >= 6, $"the grid must reach most statuses, reached {string.Join(", ", status.Distinct())}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Implied_greeks_are_the_greeks_at_the_implied_volatility_and_NaN_where_there_is_none(int lanes)
    {
        var grid = Grid.Build();
        var prices = grid.Prices();
        var (iv, ivAlone) = (new double[grid.Count], new double[grid.Count]);
        var (status, statusAlone) = (new ImpliedVolatilityStatus[grid.Count], new ImpliedVolatilityStatus[grid.Count]);
        var g = new Outputs(grid.Count);

        PricingBatch.Implied(grid.Options, prices, iv, status, g.Greeks, withGreeks: true, lanes);
        PricingBatch.Implied(grid.Options, prices, ivAlone, statusAlone, default, withGreeks: false, lanes);

        Assert.Equal(statusAlone, status);
        Assert.Equal(ivAlone, iv);
        for (var i = 0; i < grid.Count; i++)
        {
            var where = $"{lanes} lanes, {grid.Describe(i)}, price {prices[i]:R}";
            if (status[i] != ImpliedVolatilityStatus.Solved)
            {
                Assert.True(g.AllNaN(i), $"{where}: {status[i]} must have NaN greeks");
                continue;
            }

            var atIv = BlackScholes.Greeks(grid.Right[i], grid.Spot[i], grid.Strike[i], grid.Years[i], grid.Rate[i], grid.Yield[i], iv[i]);
            AssertGreeks(where, atIv, g, i, grid.Spot[i], grid.Strike[i]);
        }
    }

    [Fact]
    public void Every_width_gives_the_same_bits()
    {
        var grid = Grid.Build();
        var prices = grid.Prices();
        var results = NativeWidths().Select(lanes =>
        {
            var (g, implied) = (new Outputs(grid.Count), new Outputs(grid.Count));
            var iv = new double[grid.Count];
            PricingBatch.Greeks(grid.Options, grid.Sigma, g.Greeks, lanes);
            PricingBatch.Implied(grid.Options, prices, iv, new ImpliedVolatilityStatus[grid.Count], implied.Greeks, withGreeks: true, lanes);
            return (Lanes: lanes, Values: g.All.Concat(implied.All).Append(iv).ToList());
        }).ToList();

        Assert.NotEmpty(results);
        foreach (var (lanes, values) in results.Skip(1))
        {
            for (var column = 0; column < values.Count; column++)
                Assert.True(values[column].SequenceEqual(results[0].Values[column]), $"{lanes} lanes differ from {results[0].Lanes} in column {column}");
        }
    }

    /// <summary>The reference rows of docs/pricing.md through the batch at each width: price and greeks to 1e-9, σ back to 1e-10.</summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void The_reference_rows_hold_through_the_batch(int lanes)
    {
        var rows = ReferenceRows.All;
        var n = rows.Count;
        var options = new OptionColumns(rows.Select(r => r.Right).ToArray(), rows.Select(r => r.S).ToArray(), rows.Select(r => r.K).ToArray(),
            rows.Select(r => r.T).ToArray(), rows.Select(r => r.Rate).ToArray(), rows.Select(r => r.Yield).ToArray());
        var g = new Outputs(n);
        var iv = new double[n];

        PricingBatch.Greeks(options, rows.Select(r => r.Sigma).ToArray(), g.Greeks, lanes);
        PricingBatch.Implied(options, g.Price.ToArray(), iv, new ImpliedVolatilityStatus[n], default, withGreeks: false, lanes);

        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            ReferenceRows.AssertClose(row.Id, "price", row.Price, g.Price[i]);
            ReferenceRows.AssertClose(row.Id, "delta", row.Delta, g.Delta[i]);
            ReferenceRows.AssertClose(row.Id, "gamma", row.Gamma, g.Gamma[i]);
            ReferenceRows.AssertClose(row.Id, "theta/day", row.Theta / 365, g.Theta[i]);
            ReferenceRows.AssertClose(row.Id, "vega/pt", row.Vega / 100, g.Vega[i]);
            ReferenceRows.AssertClose(row.Id, "rho/pt", row.Rho / 100, g.Rho[i]);
            Assert.True(Math.Abs(iv[i] - row.Sigma) <= 1e-10, $"{row.Id}: σ {iv[i]:R}, expected {row.Sigma}");
        }
    }

    [Fact]
    public void A_column_of_the_wrong_length_is_named()
    {
        var grid = Grid.Build();
        var g = new Outputs(grid.Count);
        var error = Assert.Throws<ArgumentException>(() => PricingBatch.Greeks(grid.Options, grid.Sigma.AsSpan(1), g.Greeks));
        Assert.Contains($"column Sigma has {grid.Count - 1} values, expected {grid.Count}", error.Message);
    }

    /// <summary>
    /// The lanes' CDF (Cody's erfc) and the public scalar's (MathNet's) differ by a few ulp, by x²·ε far in the tails
    /// (CodyErfcTests), and d1 comes from a vector log: 1e-12 relative, or 1e-14 of the greek's natural scale near zero.
    /// NaN exactly where the scalar gives NaN.
    /// </summary>
    private static void AssertGreeks(string where, OptionGreeks scalar, Outputs g, int i, double spot, double strike)
    {
        Near(where, "price", scalar.Price, g.Price[i], spot);
        Near(where, "delta", scalar.Delta, g.Delta[i], 1);
        Near(where, "gamma", scalar.Gamma, g.Gamma[i], 1 / spot);
        Near(where, "theta", scalar.ThetaPerDay, g.Theta[i], spot / 365);
        Near(where, "vega", scalar.VegaPerPoint, g.Vega[i], spot / 100);
        Near(where, "rho", scalar.RhoPerPoint, g.Rho[i], strike / 100);
    }

    private static void Near(string where, string what, double scalar, double batch, double scale)
    {
        if (double.IsNaN(scalar) || double.IsNaN(batch))
        {
            Assert.True(double.IsNaN(scalar) && double.IsNaN(batch), $"{where} {what}: scalar {scalar:R}, batch {batch:R}");
            return;
        }

        var tolerance = Math.Max(1e-12 * Math.Abs(scalar), double.IsNaN(scale) ? 0 : 1e-14 * Math.Abs(scale));
        Assert.True(Math.Abs(scalar - batch) <= tolerance || scalar == batch, $"{where} {what}: scalar {scalar:R}, batch {batch:R}");
    }

    /// <summary>
    /// Both rights × 15 strikes (50–200 % of spot) × 13 times (one minute to five years) × 7 volatilities (1–300 %), at
    /// r = 4.3 %, q = 1.3 %, then 30 rows that break something: NaN or infinite inputs, t ≤ 0, σ ≤ 0, S or K ≤ 0, other
    /// rates and yields. 2,760 rows, so the last vector of every width is partial.
    /// </summary>
    private sealed record Grid(OptionRight[] Right, double[] Spot, double[] Strike, double[] Years, double[] Rate, double[] Yield, double[] Sigma)
    {
        public int Count => Right.Length;

        public OptionColumns Options => new(Right, Spot, Strike, Years, Rate, Yield);

        public static Grid Build()
        {
            double[] moneyness = [0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999, 1.0, 1.001, 1.01, 1.05, 1.1, 1.25, 1.5, 2.0];
            double[] minutes = [1, 2, 5, 15, 30, 60, 390, 1440, 7 * 1440, 30 * 1440, 91 * 1440, 365 * 1440, 5 * 365 * 1440];
            double[] volatilities = [0.01, 0.05, 0.12, 0.2, 0.45, 1.0, 3.0];
            var rows = new List<(OptionRight, double, double, double, double, double, double)>();
            foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
            foreach (var m in moneyness)
            foreach (var minute in minutes)
            foreach (var sigma in volatilities)
                rows.Add((right, 5800, 5800 * m, minute / YearFraction.MinutesPerYear, R, Q, sigma));

            const double nan = double.NaN, inf = double.PositiveInfinity, day = 1 / 365.0;
            foreach (var right in new[] { OptionRight.Call, OptionRight.Put })
            {
                rows.Add((right, nan, 5800, day, R, Q, 0.2));
                rows.Add((right, 5800, nan, day, R, Q, 0.2));
                rows.Add((right, 5800, 5800, nan, R, Q, 0.2));
                rows.Add((right, 5800, 5800, day, nan, Q, 0.2));
                rows.Add((right, 5800, 5800, day, R, nan, 0.2));
                rows.Add((right, 5800, 5800, day, R, Q, nan));
                rows.Add((right, 5800, inf, day, R, Q, 0.2));
                rows.Add((right, 5900, 5800, 0, R, Q, 0.2));
                rows.Add((right, 5700, 5800, -day, R, Q, 0.2));
                rows.Add((right, 5900, 5800, day, R, Q, 0));
                rows.Add((right, 5700, 5800, day, R, Q, -0.1));
                rows.Add((right, 0, 5800, day, R, Q, 0.2));
                rows.Add((right, 5800, -5800, day, R, Q, 0.2));
                rows.Add((right, 5800, 5600, 30 * day, 0, 0.10, 0.25));
                rows.Add((right, 5800, 6000, 30 * day, 0.10, 0, 0.25));
            }

            var grid = new Grid(new OptionRight[rows.Count], new double[rows.Count], new double[rows.Count], new double[rows.Count],
                new double[rows.Count], new double[rows.Count], new double[rows.Count]);
            for (var i = 0; i < rows.Count; i++)
                (grid.Right[i], grid.Spot[i], grid.Strike[i], grid.Years[i], grid.Rate[i], grid.Yield[i], grid.Sigma[i]) = rows[i];
            return grid;
        }

        /// <summary>
        /// The model price at each row's σ, except every 11th row, which gets a price with no volatility or on an edge:
        /// below intrinsic, exactly the discounted forward intrinsic, the no-arbitrage bound, just under it, zero, negative, NaN.
        /// </summary>
        public double[] Prices()
        {
            var prices = new double[Count];
            for (var i = 0; i < Count; i++)
            {
                var model = BlackScholes.Price(Right[i], Spot[i], Strike[i], Years[i], Rate[i], Yield[i], Sigma[i]);
                var forward = Spot[i] * Math.Exp(-Yield[i] * Years[i]) - Strike[i] * Math.Exp(-Rate[i] * Years[i]);
                var intrinsic = Math.Max(Right[i] == OptionRight.Call ? forward : -forward, 0);
                var bound = Right[i] == OptionRight.Call ? Spot[i] * Math.Exp(-Yield[i] * Years[i]) : Strike[i] * Math.Exp(-Rate[i] * Years[i]);
                prices[i] = (i % 11, i / 11 % 7) switch
                {
                    (0, 0) => intrinsic - 0.01,
                    (0, 1) => intrinsic,
                    (0, 2) => bound,
                    (0, 3) => Math.BitDecrement(bound),
                    (0, 4) => 0,
                    (0, 5) => -1,
                    (0, 6) => double.NaN,
                    _ => model,
                };
            }

            return prices;
        }

        /// <summary>The price's own rounding (4 ulp of its larger terms) moves σ by less than 1e-11: σ is determined, as in ImpliedVolatilityTests.</summary>
        public bool DeterminesSigma(int i, double price)
        {
            var greeks = BlackScholes.Greeks(Right[i], Spot[i], Strike[i], Years[i], Rate[i], Yield[i], Sigma[i]);
            var noise = 4 * (price + Spot[i] * Math.Abs(greeks.Delta)) * 2.220446049250313e-16;
            return price == BlackScholes.Price(Right[i], Spot[i], Strike[i], Years[i], Rate[i], Yield[i], Sigma[i])
                && greeks.Vega > 0 && noise / greeks.Vega < 1e-11 && price > 1e-250;
        }

        public string Describe(int i) =>
            $"row {i}: {Right[i]} S {Spot[i]:R} K {Strike[i]:R} t {Years[i]:R} r {Rate[i]:R} q {Yield[i]:R} σ {Sigma[i]:R}";
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
        public IEnumerable<double[]> All => [Price, Delta, Gamma, Theta, Vega, Rho];
        public bool AllNaN(int i) => All.All(column => double.IsNaN(column[i]));
    }
}
