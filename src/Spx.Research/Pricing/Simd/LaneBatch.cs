using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Spx.Research.Market;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="PricingBatch"/>'s loops at one vector width. A vector that would run past the end of the columns is
/// padded with copies of the last option, so no lane computes on made-up numbers, and only the real lanes are
/// written back. Implied volatilities go chunk by chunk: normalised in lanes (<see cref="LaneNormalisation"/>), each
/// status settled option by option, the prices with a volatility queued and solved a vector at a time.
/// </summary>
internal static class LaneBatch<T> where T : struct, ILanes<T>
{
    /// <summary>Options normalised and solved together: enough to amortise the queue, few enough to stay in the L1/L2 caches.</summary>
    private const int Chunk = 256;

    public static void Greeks(in OptionColumns options, ReadOnlySpan<double> sigma, in GreekColumns output)
    {
        for (var i = 0; i < options.Length; i += T.Count)
        {
            var (t, s) = (Lanes(options.Years, i), Lanes(sigma, i));
            var greeks = LaneGreeks<T>.AtVolatility(Calls(options.Right, i), Lanes(options.Spot, i), Lanes(options.Strike, i), t, Lanes(options.Rate, i), Lanes(options.Yield, i), s);
            Store(greeks.Price, output.Price, i);
            Store(greeks.Delta, output.Delta, i);
            Store(greeks.Gamma, output.Gamma, i);
            Store(greeks.Theta / 365.0, output.ThetaPerDay, i);
            Store(greeks.Vega / 100.0, output.VegaPerPoint, i);
            Store(greeks.Rho / 100.0, output.RhoPerPoint, i);
            if (T.Any(T.LessThanOrEqual(t, T.Create(0)) | T.LessThanOrEqual(s, T.Create(0))))
                Expiring(options, sigma, output, i, Math.Min(T.Count, options.Length - i));
        }
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

    /// <summary>Implied volatilities, and with <paramref name="withGreeks"/> the value and greeks at them.</summary>
    public static void Implied(in OptionColumns options, ReadOnlySpan<double> price, Span<double> iv, Span<ImpliedVolatilityStatus> status, in GreekColumns output, bool withGreeks)
    {
        var queue = new SolveQueue(Math.Min(options.Length, Chunk) + T.Count);
        for (var start = 0; start < options.Length; start += Chunk)
        {
            var length = Math.Min(Chunk, options.Length - start);
            Normalise(options, price, start, length, queue);
            queue.Clear();
            for (var j = 0; j < length; j++)
            {
                var i = start + j;
                var code = queue.Code[j];
                if (code == LaneNormalisation.Solve)
                {
                    queue.Promote(j, i, options.Right[i], options.Spot[i], options.Strike[i], options.Years[i], options.Rate[i], options.Yield[i]);
                    continue;
                }

                if (code == LaneNormalisation.Recheck)
                {
                    // Too close to a threshold for the lanes' arithmetic (a price at a bound, say): all of it scalar.
                    ScalarBatch.Implied(options, price, iv, status, output, withGreeks, i);
                    continue;
                }

                (iv[i], status[i]) = (double.NaN, (ImpliedVolatilityStatus)code);
                if (withGreeks) output.SetNaN(i);
            }

            if (queue.Count == 0) continue;
            Solve(queue, withGreeks);
            for (var k = 0; k < queue.Count; k++)
            {
                var i = queue.Index[k];
                if (double.IsNaN(queue.S[k]))
                {
                    // The lanes did not settle (a price an ulp from the bound): the scalar solver decides, status and all.
                    ScalarBatch.Implied(options, price, iv, status, output, withGreeks, i);
                    continue;
                }

                (iv[i], status[i]) = (queue.S[k] / queue.SqrtT[k], ImpliedVolatilityStatus.Solved);
                if (withGreeks) output.Set(i, queue.Greeks(k));
            }
        }
    }

    /// <summary>Each option's code and normalised price, a vector at a time, into the queue's columns at its place in the chunk.</summary>
    private static void Normalise(in OptionColumns options, ReadOnlySpan<double> price, int start, int length, SolveQueue queue)
    {
        for (var j = 0; j < length; j += T.Count)
        {
            var i = start + j;
            var code = LaneNormalisation.Of(Calls(options.Right, i), Lanes(price, i), Lanes(options.Spot, i), Lanes(options.Strike, i), Lanes(options.Years, i),
                Lanes(options.Rate, i), Lanes(options.Yield, i), out var x, out var timeValue, out var sqrtT, out var growth);
            code.Store(queue.Code.AsSpan(j));
            x.Store(queue.X.AsSpan(j));
            timeValue.Store(queue.TimeValue.AsSpan(j));
            sqrtT.Store(queue.SqrtT.AsSpan(j));
            growth.Store(queue.Growth.AsSpan(j));
        }
    }

    /// <summary>Solves the queue a vector at a time; with <paramref name="withGreeks"/>, the greeks at each s too.</summary>
    private static void Solve(SolveQueue queue, bool withGreeks)
    {
        var padded = queue.PadTo(T.Count);
        for (var k = 0; k < padded; k += T.Count)
        {
            var (x, sqrtT) = (T.Load(queue.X.AsSpan(k)), T.Load(queue.SqrtT.AsSpan(k)));
            var s = LaneSolver.Solve(-T.Abs(x), T.Load(queue.TimeValue.AsSpan(k)), ImpliedVolatility.Tolerance * sqrtT, out _);
            s.Store(queue.S.AsSpan(k));
            if (!withGreeks) continue;

            var call = T.GreaterThan(T.Load(queue.Call.AsSpan(k)), T.Create(0));
            var greeks = LaneGreeks<T>.AtSolution(call, T.Load(queue.Spot.AsSpan(k)), T.Load(queue.Strike.AsSpan(k)), T.Load(queue.Years.AsSpan(k)),
                T.Load(queue.Rate.AsSpan(k)), T.Load(queue.Yield.AsSpan(k)), x, sqrtT, T.Load(queue.Growth.AsSpan(k)), s);
            greeks.Price.Store(queue.Price.AsSpan(k));
            greeks.Delta.Store(queue.Delta.AsSpan(k));
            greeks.Gamma.Store(queue.Gamma.AsSpan(k));
            greeks.Theta.Store(queue.Theta.AsSpan(k));
            greeks.Vega.Store(queue.Vega.AsSpan(k));
            greeks.Rho.Store(queue.Rho.AsSpan(k));
        }
    }

    /// <summary>The lanes from <paramref name="offset"/>; past the column's end, copies of its last value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Lanes(ReadOnlySpan<double> column, int offset) =>
        offset + T.Count <= column.Length ? T.Load(column[offset..]) : Padded(column, offset);

    [MethodImpl(MethodImplOptions.NoInlining)]
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

    [MethodImpl(MethodImplOptions.NoInlining)]
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

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StorePartial(T value, Span<double> column, int offset)
    {
        for (var j = 0; offset + j < column.Length; j++) column[offset + j] = value[j];
    }
}
