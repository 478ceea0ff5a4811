using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Spx.Research.Market;
using Spx.Research.Pricing;
using Spx.Research.Pricing.Simd;

namespace Spx.Research.Benchmarks;

/// <summary>
/// Issue 12's pricing goals on one core: price + 5 greeks ≥ 10 M options/s, implied volatility to 1e-10 in σ
/// ≥ 2 M/s (Jäckel publishes about 5.5 M/s). One million SPX-like options (both rights, strikes 80–120 % of
/// spot, one minute to one year, 8–60 % volatility), held in arrays before timing. Each category's baseline is
/// the scalar loop a caller would write over the public scalar API, measured in the same run; the batch runs at this
/// machine's width (<see cref="PricingBatch.Lanes"/>), at 4 lanes (AVX2) and at 1 (the scalar fallback, Cody's erfc).
/// Times are per option.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[WarmupCount(2)]
[IterationCount(7)]
public class PricingBenchmarks
{
    private const int Count = 1_000_000;
    private readonly OptionRight[] _right = new OptionRight[Count];
    private readonly double[] _spot = new double[Count], _strike = new double[Count], _years = new double[Count];
    private readonly double[] _rate = new double[Count], _yield = new double[Count], _sigma = new double[Count], _price = new double[Count];
    private readonly double[] _out1 = new double[Count], _out2 = new double[Count], _out3 = new double[Count];
    private readonly double[] _out4 = new double[Count], _out5 = new double[Count], _out6 = new double[Count], _iv = new double[Count];
    private readonly ImpliedVolatilityStatus[] _status = new ImpliedVolatilityStatus[Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        for (var i = 0; i < Count; i++)
        {
            _right[i] = random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put;
            _spot[i] = 5800;
            _strike[i] = 5800 * (0.8 + 0.4 * random.NextDouble());
            _years[i] = Math.Exp(Math.Log(1 / YearFraction.MinutesPerYear) + random.NextDouble() * Math.Log(YearFraction.MinutesPerYear));
            (_rate[i], _yield[i]) = (0.043, 0.013);
            _sigma[i] = 0.08 + 0.52 * random.NextDouble();
            _price[i] = BlackScholes.Price(_right[i], _spot[i], _strike[i], _years[i], _rate[i], _yield[i], _sigma[i]);
        }
    }

    private OptionColumns Options => new(_right, _spot, _strike, _years, _rate, _yield);

    private GreekColumns Greeks => new(_out1, _out2, _out3, _out4, _out5, _out6);

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "scalar loop: BlackScholes.Greeks")]
    [BenchmarkCategory("greeks")]
    public double ScalarGreeks()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
            sum += BlackScholes.Greeks(_right[i], _spot[i], _strike[i], _years[i], _rate[i], _yield[i], _sigma[i]).Vega;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.Greeks (this machine's lanes)")]
    [BenchmarkCategory("greeks")]
    public double BatchGreeks()
    {
        PricingBatch.Greeks(Options, _sigma, Greeks);
        return _out5[Count - 1];
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.Greeks, 4 lanes")]
    [BenchmarkCategory("greeks")]
    public double BatchGreeks4()
    {
        PricingBatch.Greeks(Options, _sigma, Greeks, 4);
        return _out5[Count - 1];
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.Greeks, 1 lane (scalar)")]
    [BenchmarkCategory("greeks")]
    public double BatchGreeks1()
    {
        PricingBatch.Greeks(Options, _sigma, Greeks, 1);
        return _out5[Count - 1];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "scalar loop: ImpliedVolatility.Solve")]
    [BenchmarkCategory("iv")]
    public double ScalarImpliedVolatility()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
            sum += ImpliedVolatility.Solve(_right[i], _price[i], _spot[i], _strike[i], _years[i], _rate[i], _yield[i]).Value;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.ImpliedVolatilities (this machine's lanes)")]
    [BenchmarkCategory("iv")]
    public double BatchImpliedVolatility()
    {
        PricingBatch.ImpliedVolatilities(Options, _price, _iv, _status);
        return _iv[Count - 1];
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.ImpliedVolatilities, 4 lanes")]
    [BenchmarkCategory("iv")]
    public double BatchImpliedVolatility4()
    {
        PricingBatch.Implied(Options, _price, _iv, _status, default, withGreeks: false, 4);
        return _iv[Count - 1];
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.ImpliedVolatilities, 1 lane (scalar)")]
    [BenchmarkCategory("iv")]
    public double BatchImpliedVolatility1()
    {
        PricingBatch.Implied(Options, _price, _iv, _status, default, withGreeks: false, 1);
        return _iv[Count - 1];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "scalar loop: ImpliedVolatility.Solve, then BlackScholes.Greeks")]
    [BenchmarkCategory("implied greeks")]
    public double ScalarImpliedGreeks()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var iv = ImpliedVolatility.Solve(_right[i], _price[i], _spot[i], _strike[i], _years[i], _rate[i], _yield[i]);
            if (iv.IsSolved) sum += BlackScholes.Greeks(_right[i], _spot[i], _strike[i], _years[i], _rate[i], _yield[i], iv.Value).Vega;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.ImpliedGreeks (this machine's lanes)")]
    [BenchmarkCategory("implied greeks")]
    public double BatchImpliedGreeks()
    {
        PricingBatch.ImpliedGreeks(Options, _price, _iv, _status, Greeks);
        return _out5[Count - 1];
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.ImpliedGreeks, 4 lanes")]
    [BenchmarkCategory("implied greeks")]
    public double BatchImpliedGreeks4()
    {
        PricingBatch.Implied(Options, _price, _iv, _status, Greeks, withGreeks: true, 4);
        return _out5[Count - 1];
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "PricingBatch.ImpliedGreeks, 1 lane (scalar)")]
    [BenchmarkCategory("implied greeks")]
    public double BatchImpliedGreeks1()
    {
        PricingBatch.Implied(Options, _price, _iv, _status, Greeks, withGreeks: true, 1);
        return _out5[Count - 1];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "MathNet SpecialFunctions.Erfc")]
    [BenchmarkCategory("erfc")]
    public double MathNetErfc()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++) sum += MathNet.Numerics.SpecialFunctions.Erfc(ErfcArgument(i));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "CodyErfc.Erfc (scalar)")]
    [BenchmarkCategory("erfc")]
    public double CodyErfcLoop()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++) sum += CodyErfc.Erfc(ErfcArgument(i));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "LaneNormal.Erfc, 8 lanes")]
    [BenchmarkCategory("erfc")]
    public double LaneErfc()
    {
        Span<double> arguments = stackalloc double[Lanes512.Count];
        var sum = Lanes512.Create(0);
        for (var i = 0; i < Count; i += Lanes512.Count)
        {
            for (var j = 0; j < Lanes512.Count; j++) arguments[j] = ErfcArgument(i + j);
            sum += LaneNormal.Erfc(Lanes512.Load(arguments));
        }

        return sum[0];
    }

    /// <summary>Arguments from −3 to 4.8: d/√2 of the options above spans about that range.</summary>
    private double ErfcArgument(int i) => 15 * _sigma[i] - 4.2;
}
