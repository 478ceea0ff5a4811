using System.Runtime.Intrinsics;
using Spx.Research.Pricing;
using Spx.Research.Pricing.Simd;

namespace Spx.Research.Tests.Pricing;

/// <summary>
/// The vector kernels under <see cref="PricingBatch"/> against their scalar references, lane by lane: e^x within 2 ulp
/// of <see cref="Math.Exp"/> over the whole double range (subnormal results, ±∞ and NaN included), ln x within 3 ulp
/// of <see cref="Math.Log"/>, erfc and the normal CDF within 2e-15 relative
/// of <see cref="CodyErfc"/>, the solver's s within 1e-12 in two to four evaluations as <see cref="TotalVolatilitySolver"/>,
/// and the normalisation's recheck of decisions too close to call.
/// </summary>
public sealed class LaneKernelTests
{
    /// <summary>The widths this machine computes natively (see <see cref="PricingBatchTests.Widths"/>); 128 bits always runs.</summary>
    public static TheoryData<int> Widths() => new(new[] { 2, 4, 8 }.Where(w => w == 2 || w == 4 && Vector256.IsHardwareAccelerated || w == 8 && Vector512.IsHardwareAccelerated));

    [Theory]
    [MemberData(nameof(Widths))]
    public void Exp_is_within_2_ulp_of_Math_Exp_everywhere(int lanes)
    {
        var arguments = Spread(-800, 800, 200_003).Concat([-745.2, -745.13, -708.5, -708, 708, 709.78, 710, 0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity]).ToArray();

        var actual = Apply(lanes, arguments, Kernel.Exp);

        for (var i = 0; i < arguments.Length; i++)
            AssertUlps($"exp({arguments[i]:R})", Math.Exp(arguments[i]), actual[i], 2);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Log_is_within_3_ulp_of_Math_Log(int lanes)
    {
        var arguments = Spread(-745, 709, 200_003).Select(Math.Exp).Concat([1, 1 + 1e-15, 1 - 1e-16, double.Epsilon, double.MaxValue, 0, -1, double.NaN, double.PositiveInfinity]).ToArray();

        var actual = Apply(lanes, arguments, Kernel.Log);

        for (var i = 0; i < arguments.Length; i++)
            AssertUlps($"ln({arguments[i]:R})", Math.Log(arguments[i]), actual[i], 3);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Erfc_and_the_normal_CDF_match_Cody_to_2e_15(int lanes)
    {
        var arguments = Spread(-8, 28, 100_003).Concat([0, -0.0, 0.46875, -0.46875, 4, -4, 26.543, 26.6, 27.3, double.NaN, double.PositiveInfinity, double.NegativeInfinity]).ToArray();

        var erfc = Apply(lanes, arguments, Kernel.Erfc);
        var cdf = Apply(lanes, arguments, Kernel.Cdf);
        var complement = Apply(lanes, arguments, Kernel.Complement);
        var density = Apply(lanes, arguments, Kernel.Density);

        for (var i = 0; i < arguments.Length; i++)
        {
            var x = arguments[i];
            AssertRelative($"erfc({x:R})", CodyErfc.Erfc(x), erfc[i], 2e-15);
            AssertRelative($"N({x:R})", CodyNormal.Cdf(x), cdf[i], 2e-15);
            AssertRelative($"N(-{x:R})", CodyNormal.Cdf(-x), complement[i], 2e-15);
            // φ from e^(−w²) with w = x/√2 rounded: within x²·ε of e^(−x²/2), on top of the exp's 2 ulp.
            AssertRelative($"φ({x:R})", NormalDistribution.Pdf(x), density[i], 1e-15 * Math.Max(1, x * x));
        }
    }

    /// <summary>The grid of TotalVolatilitySolverTests: x from −4 to 0, s from 1e-4 to 8.</summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void The_solver_finds_s_back_in_two_to_four_evaluations(int lanes)
    {
        double[] xs = [-4, -2, -1, -0.5, -0.2, -0.05, -0.01, -1e-3, -1e-5, 0];
        var cases = new List<(double X, double S, double Beta)>();
        foreach (var x in xs)
        for (var logS = -4.0; logS <= Math.Log10(8); logS += 0.25)
        {
            var s = Math.Pow(10, logS);
            var beta = new NormalisedBlack(x).Price(s);
            if (beta > 1e-250 && beta < Math.Exp(0.5 * x) * (1 - 1e-12)) cases.Add((x, s, beta));
        }

        var (found, evaluations) = Kernel.Solve(lanes, cases.Select(c => c.X).ToArray(), cases.Select(c => c.Beta).ToArray(), 1e-14);

        Assert.True(cases.Count > 100, $"only {cases.Count} points");
        for (var i = 0; i < cases.Count; i++)
        {
            var (x, s, _) = cases[i];
            Assert.True(Math.Abs(found[i] - s) <= 1e-12 * Math.Max(s, 1), $"x {x} s {s:R}: found {found[i]:R} after {evaluations[i]}");
            Assert.InRange(evaluations[i], 1, 4);
        }

        Assert.True(evaluations.Average() <= 3, $"{evaluations.Average():F2} evaluations on average");
    }

    /// <summary>
    /// A call on 100, r = q = 0, half a year: prices on a decision's threshold go back to the scalar arithmetic, prices
    /// clear of every threshold (even a tiny or a zero time value) are decided in lanes.
    /// </summary>
    [Theory]
    // price, strike, the lane code: solve, recheck, or a status.
    [InlineData(10.0, 95.0, LaneNormalisation.Solve)] // near the money, plenty of time value
    [InlineData(100.0, 50.0, LaneNormalisation.Recheck)] // the no-arbitrage bound S
    [InlineData(50.0, 50.0, (double)ImpliedVolatilityStatus.NoTimeValue)] // exactly intrinsic: far inside the 2^-46 rounding
    [InlineData(50.0000000000014211, 50.0, LaneNormalisation.Recheck)] // intrinsic plus 2^-46 of 100: on the rounding threshold
    [InlineData(49.0, 50.0, (double)ImpliedVolatilityStatus.BelowIntrinsic)] // a point below intrinsic: clear of every threshold
    [InlineData(120.0, 50.0, (double)ImpliedVolatilityStatus.AboveUpperBound)] // well above the bound
    [InlineData(1.7320508075688772e-298, 300.0, LaneNormalisation.Recheck)] // β = price/√(F·K) = 1e-300, the floor
    [InlineData(1e-310, 300.0, (double)ImpliedVolatilityStatus.NoTimeValue)] // far under the floor
    [InlineData(5.0, 100.0, LaneNormalisation.Recheck)] // S = K, r = q: x = 0, in or out of the money is a matter of rounding
    [InlineData(5.0, 1e-20, LaneNormalisation.Recheck)] // ln(S/K) = 50: past the exponents the margin is derived for
    public void Decisions_too_close_to_call_are_rechecked(double price, double strike, double expected)
    {
        var code = Kernel.NormalisationCode(price, 100, strike, 0.5);

        Assert.Equal(expected, code);
    }

    private static double[] Spread(double from, double to, int count) => Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();

    private static double[] Apply(int lanes, double[] arguments, Func<int, double[], double[]> kernel) => kernel(lanes, arguments);

    private static void AssertUlps(string what, double expected, double actual, long ulps)
    {
        if (double.IsNaN(expected) || expected == actual) { Assert.True(expected.Equals(actual), $"{what}: {actual:R}, expected {expected:R}"); return; }
        var distance = Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(actual));
        Assert.True(Math.Sign(expected) == Math.Sign(actual) && distance <= ulps, $"{what}: {actual:R}, expected {expected:R} ({distance} ulp)");
    }

    private static void AssertRelative(string what, double expected, double actual, double tolerance)
    {
        if (double.IsNaN(expected) || expected == actual) { Assert.True(expected.Equals(actual), $"{what}: {actual:R}, expected {expected:R}"); return; }
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: {actual:R}, expected {expected:R}");
    }

    /// <summary>Runs a lane kernel over a column at a chosen width (the last vector padded with copies of the last value).</summary>
    private static class Kernel
    {
        public static double[] Exp(int lanes, double[] x) => Map(lanes, x, new ExpOf());

        public static double[] Log(int lanes, double[] x) => Map(lanes, x, new LogOf());

        public static double[] Erfc(int lanes, double[] x) => Map(lanes, x, new ErfcOf());

        public static double[] Cdf(int lanes, double[] x) => Map(lanes, x, new CdfOf(0));

        public static double[] Complement(int lanes, double[] x) => Map(lanes, x, new CdfOf(1));

        public static double[] Density(int lanes, double[] x) => Map(lanes, x, new CdfOf(2));

        public static (double[] S, double[] Evaluations) Solve(int lanes, double[] x, double[] beta, double tolerance) => lanes switch
        {
            8 => Solve<Lanes512>(x, beta, tolerance),
            4 => Solve<Lanes256>(x, beta, tolerance),
            _ => Solve<Lanes128>(x, beta, tolerance),
        };

        public static double NormalisationCode(double price, double spot, double strike, double t)
        {
            var code = LaneNormalisation.Of(Lanes128.True, Lanes128.Create(price), Lanes128.Create(spot), Lanes128.Create(strike), Lanes128.Create(t),
                Lanes128.Create(0), Lanes128.Create(0), out _, out _, out _, out _);
            return code[0];
        }

        private static (double[] S, double[] Evaluations) Solve<T>(double[] x, double[] beta, double tolerance) where T : struct, ILanes<T>
        {
            var (s, evaluations) = (new double[x.Length], new double[x.Length]);
            for (var i = 0; i < x.Length; i += T.Count)
            {
                var found = LaneSolver.Solve(Padded<T>(x, i), Padded<T>(beta, i), T.Create(tolerance), out var count);
                for (var j = 0; j < T.Count && i + j < x.Length; j++) (s[i + j], evaluations[i + j]) = (found[j], count[j]);
            }

            return (s, evaluations);
        }

        private static double[] Map<TFunction>(int lanes, double[] x, TFunction function) where TFunction : ILaneFunction => lanes switch
        {
            8 => Map<Lanes512, TFunction>(x, function),
            4 => Map<Lanes256, TFunction>(x, function),
            _ => Map<Lanes128, TFunction>(x, function),
        };

        private static double[] Map<T, TFunction>(double[] x, TFunction function) where T : struct, ILanes<T> where TFunction : ILaneFunction
        {
            var result = new double[x.Length];
            for (var i = 0; i < x.Length; i += T.Count)
            {
                var y = function.Apply(Padded<T>(x, i));
                for (var j = 0; j < T.Count && i + j < x.Length; j++) result[i + j] = y[j];
            }

            return result;
        }

        private static T Padded<T>(double[] x, int start) where T : struct, ILanes<T>
        {
            var lanes = new double[T.Count];
            for (var j = 0; j < T.Count; j++) lanes[j] = x[Math.Min(start + j, x.Length - 1)];
            return T.Load(lanes);
        }
    }

    private interface ILaneFunction
    {
        T Apply<T>(T x) where T : struct, ILanes<T>;
    }

    private readonly struct ExpOf : ILaneFunction
    {
        public T Apply<T>(T x) where T : struct, ILanes<T> => LaneMath.Exp(x);
    }

    private readonly struct LogOf : ILaneFunction
    {
        public T Apply<T>(T x) where T : struct, ILanes<T> => T.Log(x);
    }

    private readonly struct ErfcOf : ILaneFunction
    {
        public T Apply<T>(T x) where T : struct, ILanes<T> => LaneNormal.Erfc(x);
    }

    private readonly struct CdfOf(int part) : ILaneFunction
    {
        public T Apply<T>(T x) where T : struct, ILanes<T>
        {
            LaneNormal.Cdfs(x, out var cdf, out var complement, out var density);
            return part switch { 0 => cdf, 1 => complement, _ => density };
        }
    }
}
