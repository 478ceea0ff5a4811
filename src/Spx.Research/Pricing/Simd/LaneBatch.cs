using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Spx.Research.Market;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="PricingBatch"/>'s loops at one vector width, a vector of options at a time, results stored straight into
/// the output columns. A vector that would run past the end is padded with copies of the last option, so no lane
/// computes on made-up numbers, and only the real lanes are written. An option the lanes cannot decide (a normalisation
/// too close to call, or a solve that does not settle) is done again, alone, by the scalar path.
/// </summary>
/// <remarks>
/// Options with no volatility ride along in the solver's vector (settled from the start) rather than being packed out:
/// on a generated year (6 % of them) that was 12 % faster than gathering the solvable ones into a queue and scattering
/// the results back; on the benchmark's options (37 % of them) it is slower (docs/benchmarks.md).
/// </remarks>
internal static class LaneBatch<T> where T : struct, ILanes<T>
{
    public static void Greeks(in OptionColumns options, ReadOnlySpan<double> sigma, in GreekColumns output)
    {
        for (var i = 0; i < options.Length; i += T.Count) GreeksAt(options, sigma, output, i);
    }

    /// <summary>
    /// One vector from option <paramref name="i"/>. Its own method, called per vector (a long loop in one call would run
    /// as on-stack-replacement code, built with a smaller inlining budget); the same for <see cref="ImpliedAt"/>. This
    /// folder's out-of-line methods are compiled fully optimised at their first call: left to tiered compilation, a
    /// consolidation run spent about half its pricing samples in first-tier code, because tier-up waits until the
    /// process stops compiling new methods, and a run that reads, prices and writes keeps compiling new ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void GreeksAt(in OptionColumns options, ReadOnlySpan<double> sigma, in GreekColumns output, int i)
    {
        var (t, s) = (Lanes(options.Years, i), Lanes(sigma, i));
        var greeks = LaneGreeks<T>.AtVolatility(Calls(options.Right, i), Lanes(options.Spot, i), Lanes(options.Strike, i), t, Lanes(options.Rate, i), Lanes(options.Yield, i), s);
        Store(greeks, T.True, output, i);
        if (T.Any(T.LessThanOrEqual(t, T.Create(0)) | T.LessThanOrEqual(s, T.Create(0))))
            Expiring(options, sigma, output, i, Math.Min(T.Count, options.Length - i));
    }

    /// <summary>Options at or after settlement, or with no volatility: the scalar formula's intrinsic branch.</summary>
    private static void Expiring(in OptionColumns options, ReadOnlySpan<double> sigma, in GreekColumns output, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (options.Years[i] <= 0 || sigma[i] <= 0)
                output.Set(i, BlackScholes.Greeks<CodyNormal>(options.Right[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i], sigma[i]));
        }
    }

    /// <summary>
    /// Implied volatilities, and with <paramref name="withGreeks"/> the value and greeks at them: each vector is normalised
    /// (<see cref="LaneNormalisation"/>), its lanes with a volatility solved together (the others hold a harmless stand-in,
    /// x = −1 and β = 0.1, and start settled), and the greeks computed at each s, reusing the normalisation.
    /// </summary>
    public static void Implied(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks)
    {
        for (var i = 0; i < options.Length; i += T.Count) ImpliedAt(options, price, iv, status, output, withGreeks, i);
    }

    /// <summary>One vector from option <paramref name="i"/> (its own method: see <see cref="GreeksAt"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ImpliedAt(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks, int i)
    {
        var (call, spot, strike, t, r, q) = (Calls(options.Right, i), Lanes(options.Spot, i), Lanes(options.Strike, i), Lanes(options.Years, i), Lanes(options.Rate, i), Lanes(options.Yield, i));
        var code = LaneNormalisation.Of(call, Lanes(price, i), spot, strike, t, r, q, out var x, out var timeValue, out var sqrtT, out var growth);
        var solve = T.Equals(code, T.Create(LaneNormalisation.Solve));
        var s = T.Create(double.NaN);
        if (T.Any(solve))
            s = LaneSolver.Solve(T.Select(solve, -T.Abs(x), T.Create(-1)), T.Select(solve, timeValue, T.Create(0.1)), ImpliedVolatility.Tolerance * sqrtT, solve, out _);

        var solved = T.AndNot(solve, T.IsNaN(s));
        Store(T.Select(solved, s / sqrtT, T.Create(double.NaN)), iv, i);
        if (withGreeks) Store(LaneGreeks<T>.AtSolution(call, spot, strike, t, r, q, x, sqrtT, growth, T.Select(solved, s, T.Create(1))), solved, output, i);
        Statuses(options, price, iv, status, output, withGreeks, i, code, solved);
    }

    /// <summary>Each lane's status from its code; the lanes to recheck, or that did not settle, go through the scalar path.</summary>
    private static void Statuses(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks, int start, T code, T solved)
    {
        var count = Math.Min(T.Count, options.Length - start);
        var all = T.All(solved);
        for (var j = 0; j < count; j++)
        {
            if (all || IsSet(solved, j)) status[start + j] = ImpliedVolatilityStatus.Solved;
            else if (code[j] >= 0) status[start + j] = (ImpliedVolatilityStatus)code[j];
            else ScalarBatch.Implied(options, price, iv, status, output, withGreeks, start + j);
        }
    }

    /// <summary>A mask lane is all bits set, which read as a double is a NaN; a clear lane reads as 0.</summary>
    private static bool IsSet(T mask, int lane) => double.IsNaN(mask[lane]);

    /// <summary>Value and greeks in screen units where <paramref name="valid"/>, NaN elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(in LaneGreeks<T> greeks, T valid, in GreekColumns output, int offset)
    {
        var nan = T.Create(double.NaN);
        Store(T.Select(valid, greeks.Price, nan), output.Price, offset);
        Store(T.Select(valid, greeks.Delta, nan), output.Delta, offset);
        Store(T.Select(valid, greeks.Gamma, nan), output.Gamma, offset);
        Store(T.Select(valid, greeks.Theta / 365.0, nan), output.ThetaPerDay, offset);
        Store(T.Select(valid, greeks.Vega / 100.0, nan), output.VegaPerPoint, offset);
        Store(T.Select(valid, greeks.Rho / 100.0, nan), output.RhoPerPoint, offset);
    }

    /// <summary>The lanes from <paramref name="offset"/>; past the column's end, copies of its last value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Lanes(ReadOnlySpan<double> column, int offset) =>
        offset + T.Count <= column.Length ? T.Load(column[offset..]) : Padded(column, offset);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T Padded(ReadOnlySpan<double> column, int offset)
    {
        Span<double> padded = stackalloc double[T.Count];
        column[offset..].CopyTo(padded);
        padded[(column.Length - offset)..].Fill(column[^1]);
        return T.Load(padded);
    }

    /// <summary>A mask of the calls from <paramref name="offset"/> (<see cref="OptionRight.Call"/> is 0), padded as <see cref="Lanes"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Calls(ReadOnlySpan<OptionRight> right, int offset) =>
        offset + T.Count <= right.Length ? T.IsZero(MemoryMarshal.Cast<OptionRight, int>(right[offset..])) : PaddedCalls(right, offset);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static T PaddedCalls(ReadOnlySpan<OptionRight> right, int offset)
    {
        Span<int> padded = stackalloc int[T.Count];
        MemoryMarshal.Cast<OptionRight, int>(right[offset..]).CopyTo(padded);
        padded[(right.Length - offset)..].Fill((int)right[^1]);
        return T.IsZero(padded);
    }

    /// <summary>Writes the lanes that fall inside <paramref name="column"/> from <paramref name="offset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(T value, Span<double> column, int offset)
    {
        if (offset + T.Count <= column.Length) value.Store(column[offset..]);
        else StorePartial(value, column, offset);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void StorePartial(T value, Span<double> column, int offset)
    {
        for (var j = 0; offset + j < column.Length; j++) column[offset + j] = value[j];
    }
}
