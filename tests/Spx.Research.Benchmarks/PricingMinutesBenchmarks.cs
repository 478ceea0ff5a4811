using BenchmarkDotNet.Attributes;
using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Pricing;
using Spx.Research.Synthetic;

namespace Spx.Research.Benchmarks;

/// <summary>
/// IV and greeks over the option minutes consolidation prices: a generated January 2024, profile <c>bench</c>, seed
/// 211, 688,014 SPY option minute bars, consolidated by <see cref="Consolidator.Run"/> and their pricing inputs
/// (right, spot, strike, <c>t_years</c>, close) read back from <c>option_minutes</c>, held in arrays before timing. Unlike
/// <see cref="PricingBenchmarks"/>' options, nearly all have a volatility (6 % are below intrinsic), and the pricing
/// cost of a generated year (9.45 M bars, the same mix) is this figure times 9.45 M. Times are per option minute.
/// </summary>
/// <remarks>The lake is kept in <c>artifacts/bench/lakes/</c> (generated and consolidated here if missing).</remarks>
[BenchmarkCategory("minutes")]
[WarmupCount(2)]
[IterationCount(7)]
public class PricingMinutesBenchmarks
{
    private const int Rows = 688_014;
    private const double Rate = 0.043, Yield = 0.013;
    private static readonly DateOnly From = new(2024, 1, 1);
    private static readonly DateOnly To = new(2024, 1, 31);
    private readonly OptionRight[] _right = new OptionRight[Rows];
    private readonly double[] _spot = new double[Rows], _strike = new double[Rows], _years = new double[Rows], _close = new double[Rows];
    private readonly double[] _rate = Enumerable.Repeat(Rate, Rows).ToArray(), _yield = Enumerable.Repeat(Yield, Rows).ToArray();
    private readonly double[] _iv = new double[Rows], _price = new double[Rows], _delta = new double[Rows], _gamma = new double[Rows];
    private readonly double[] _theta = new double[Rows], _vega = new double[Rows], _rho = new double[Rows];
    private readonly ImpliedVolatilityStatus[] _status = new ImpliedVolatilityStatus[Rows];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "bench", "lakes", "bench-2024-01-seed211"));
        if (!File.Exists(Path.Combine(root, ".complete")))
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            var market = new SyntheticMarket(new SyntheticMarketOptions { Seed = SampleLake.Seed, Profile = SyntheticProfile.Bench });
            SyntheticLakeWriter.Generate(market, From, To, root);
            File.WriteAllText(Path.Combine(root, ".complete"), "bench profile, seed 211, January 2024\n");
        }

        var lake = new LakeLayout(root);
        if (lake.Partitions("option_minutes").Count == 0) Consolidator.Run(lake, new ConsolidationOptions("SPY", From, To, Rate, Yield));
        using var session = LakeSession.Open(root);
        var input = session.Columnar(
            "SELECT option_right = 'C' AS is_call, coalesce(spot, 'NaN'::DOUBLE) AS spot, strike, t_years, close FROM option_minutes ORDER BY date, ticker, ts");
        var isCall = input.GetColumn<bool>("is_call");
        for (var i = 0; i < input.RowCount; i++) _right[i] = isCall[i] ? OptionRight.Call : OptionRight.Put;
        input.GetColumn<double>("spot").CopyTo(_spot, 0);
        input.GetColumn<double>("strike").CopyTo(_strike, 0);
        input.GetColumn<double>("t_years").CopyTo(_years, 0);
        input.GetColumn<double>("close").CopyTo(_close, 0);
        var filled = input.RowCount;

        if (filled != Rows) throw new InvalidOperationException($"expected {Rows:N0} SPY option minutes in {root}, found {filled:N0}");
    }

    private OptionColumns Options => new(_right, _spot, _strike, _years, _rate, _yield);

    private GreekColumns Greeks => new(_price, _delta, _gamma, _theta, _vega, _rho);

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "minutes: scalar loop, ImpliedVolatility.Solve then BlackScholes.Greeks")]
    public double Scalar()
    {
        var sum = 0.0;
        for (var i = 0; i < Rows; i++)
        {
            var iv = ImpliedVolatility.Solve(_right[i], _close[i], _spot[i], _strike[i], _years[i], Rate, Yield);
            if (iv.IsSolved) sum += BlackScholes.Greeks(_right[i], _spot[i], _strike[i], _years[i], Rate, Yield, iv.Value).Vega;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "minutes: PricingBatch.ImpliedGreeks (this machine's lanes)")]
    public double Batch()
    {
        PricingBatch.ImpliedGreeks(Options, _close, _iv, _status, Greeks);
        return _vega[Rows - 1];
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "minutes: PricingBatch.ImpliedGreeks, 1 lane (scalar)")]
    public double Batch1()
    {
        PricingBatch.Implied(Options, _close, _iv, _status, Greeks, withGreeks: true, 1);
        return _vega[Rows - 1];
    }
}
