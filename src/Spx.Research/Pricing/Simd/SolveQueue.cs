using Spx.Research.Market;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// The options of one chunk that have a volatility to solve for, gathered as columns: their terms, their normalised
/// prices, then the solver's s and the value and greeks at it (model units). Statuses are settled before an option
/// is queued, so the lanes hold only real solves; <see cref="PadTo"/> fills the last vector with copies of the last
/// option, so no lane computes on made-up numbers.
/// </summary>
internal sealed class SolveQueue
{
    public SolveQueue(int capacity)
    {
        Index = new int[capacity];
        Code = Column(capacity);
        (Call, Spot, Strike, Years, Rate, Yield) = (Column(capacity), Column(capacity), Column(capacity), Column(capacity), Column(capacity), Column(capacity));
        (X, TimeValue, SqrtT, Growth, S) = (Column(capacity), Column(capacity), Column(capacity), Column(capacity), Column(capacity));
        (Price, Delta, Gamma, Theta, Vega, Rho) = (Column(capacity), Column(capacity), Column(capacity), Column(capacity), Column(capacity), Column(capacity));
    }

    /// <summary>The number of options queued (before padding).</summary>
    public int Count { get; private set; }

    /// <summary>Each queued option's position in the batch's columns.</summary>
    public int[] Index { get; }

    /// <summary>1 for a call, 0 for a put.</summary>
    public double[] Call { get; }

    public double[] Spot { get; }

    public double[] Strike { get; }

    public double[] Years { get; }

    public double[] Rate { get; }

    public double[] Yield { get; }

    /// <summary>ln(F/K), signed (<see cref="NormalisedPrice.LogMoneyness"/>).</summary>
    public double[] X { get; }

    /// <summary>The normalised time value β the solver inverts.</summary>
    public double[] TimeValue { get; }

    public double[] SqrtT { get; }

    /// <summary>e^(rt).</summary>
    public double[] Growth { get; }

    /// <summary>The solver's total volatility s = σ√t; NaN where it did not settle.</summary>
    public double[] S { get; }

    public double[] Price { get; }

    public double[] Delta { get; }

    public double[] Gamma { get; }

    /// <summary>Per year.</summary>
    public double[] Theta { get; }

    /// <summary>Per 1.0 of σ.</summary>
    public double[] Vega { get; }

    /// <summary>Per 1.0 of r.</summary>
    public double[] Rho { get; }

    /// <summary>
    /// Per place in the chunk, <see cref="LaneNormalisation"/>'s code; the normalised price sits in <see cref="X"/>,
    /// <see cref="TimeValue"/>, <see cref="SqrtT"/> and <see cref="Growth"/> at the same place until <see cref="Promote"/> moves it.
    /// </summary>
    public double[] Code { get; }

    public void Clear() => Count = 0;

    /// <summary>Queues the option normalised in lanes at chunk place <paramref name="place"/> (never before the queue's end, so nothing is overwritten).</summary>
    public void Promote(int place, int index, OptionRight right, double spot, double strike, double years, double rate, double yield)
    {
        var k = Count++;
        Index[k] = index;
        (Call[k], Spot[k], Strike[k], Years[k], Rate[k], Yield[k]) = (right == OptionRight.Call ? 1 : 0, spot, strike, years, rate, yield);
        (X[k], TimeValue[k], SqrtT[k], Growth[k]) = (X[place], TimeValue[place], SqrtT[place], Growth[place]);
    }

    /// <summary>Repeats the last option's inputs up to a multiple of <paramref name="width"/>; returns that length.</summary>
    public int PadTo(int width)
    {
        var padded = (Count + width - 1) / width * width;
        Repeat(Call, padded);
        Repeat(Spot, padded);
        Repeat(Strike, padded);
        Repeat(Years, padded);
        Repeat(Rate, padded);
        Repeat(Yield, padded);
        Repeat(X, padded);
        Repeat(TimeValue, padded);
        Repeat(SqrtT, padded);
        Repeat(Growth, padded);
        return padded;
    }

    private void Repeat(double[] column, int padded) => column.AsSpan(Count, padded - Count).Fill(column[Count - 1]);

    /// <summary>The value and greeks of queued option <paramref name="k"/>, in model units.</summary>
    public OptionGreeks Greeks(int k) => new(Price[k], Delta[k], Gamma[k], Theta[k], Vega[k], Rho[k]);

    private static double[] Column(int capacity) => new double[capacity];
}
