namespace Spx.Research.Pricing.Simd;

/// <summary>
/// A vector of doubles, one option per lane, as the batch kernels need it: arithmetic, comparisons that give a mask
/// (all bits set where true), selection and the transcendental functions. <see cref="Lanes512"/>,
/// <see cref="Lanes256"/> and <see cref="Lanes128"/> wrap the hardware vectors, so each kernel is written once and
/// the JIT compiles it for each width (a struct type argument is specialised, and the wrappers inline away).
/// </summary>
/// <remarks>
/// Every operation is a call the JIT must inline, and it stops inlining past a budget per method, after which each
/// multiplication is a call (measured: five times slower). So the kernels' big pieces (the CDF, the regions, a solver
/// step, the greeks, the normalisation) are marked NoInlining: each stays one unit within its budget, whatever
/// profile-guided optimisation would rather inline.
/// </remarks>
/// <typeparam name="TSelf">The implementing lane type.</typeparam>
internal interface ILanes<TSelf> where TSelf : struct, ILanes<TSelf>
{
    /// <summary>The number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>True when the hardware computes this width natively (else the runtime emulates it, slowly).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>A mask with every lane set.</summary>
    static abstract TSelf True { get; }

    /// <summary>The value in every lane.</summary>
    static abstract TSelf Create(double value);

    /// <summary>The first <see cref="Count"/> values of <paramref name="source"/>, which must have that many (unchecked in release builds).</summary>
    static abstract TSelf Load(ReadOnlySpan<double> source);

    /// <summary>A mask of the first <see cref="Count"/> values of <paramref name="source"/> that are 0.</summary>
    static abstract TSelf IsZero(ReadOnlySpan<int> source);

    /// <summary>Writes the lanes to the first <see cref="Count"/> elements of <paramref name="destination"/>, which must have that many (unchecked in release builds).</summary>
    void Store(Span<double> destination);

    /// <summary>One lane's value.</summary>
    double this[int lane] { get; }

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    static abstract TSelf operator /(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf value);

    static abstract TSelf operator +(TSelf left, double right);

    static abstract TSelf operator +(double left, TSelf right);

    static abstract TSelf operator -(TSelf left, double right);

    static abstract TSelf operator -(double left, TSelf right);

    static abstract TSelf operator *(TSelf left, double right);

    static abstract TSelf operator *(double left, TSelf right);

    static abstract TSelf operator /(TSelf left, double right);

    static abstract TSelf operator /(double left, TSelf right);

    /// <summary>Bitwise and: of two masks, both true.</summary>
    static abstract TSelf operator &(TSelf left, TSelf right);

    /// <summary>Bitwise or: of two masks, either true.</summary>
    static abstract TSelf operator |(TSelf left, TSelf right);

    /// <summary><paramref name="left"/> and not <paramref name="right"/>.</summary>
    static abstract TSelf AndNot(TSelf left, TSelf right);

    /// <summary>a·b + c with one rounding.</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    static abstract TSelf Abs(TSelf value);

    static abstract TSelf Sqrt(TSelf value);

    /// <summary>The smaller of each pair, NaN if either is (as <see cref="Math.Min(double, double)"/>).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>The larger of each pair, NaN if either is (as <see cref="Math.Max(double, double)"/>).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>
    /// The runtime's vector e^x (AMD's AOCL-LibM algorithm, within 2 ulp of <see cref="Math.Exp"/> here). It falls back
    /// to a scalar loop when any |x| exceeds 708 or is NaN: call <see cref="LaneMath.Exp{T}"/>, which keeps it on the vector path.
    /// </summary>
    static abstract TSelf ExpWithinRange(TSelf value);

    /// <summary>The runtime's vector ln x (AOCL-LibM's algorithm; within 3 ulp of <see cref="Math.Log"/> here).</summary>
    static abstract TSelf Log(TSelf value);

    static abstract TSelf LessThan(TSelf left, TSelf right);

    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    static abstract TSelf IsNaN(TSelf value);

    static abstract TSelf Equals(TSelf left, TSelf right);

    /// <summary>Per lane, <paramref name="whenTrue"/> where <paramref name="mask"/> is set, else <paramref name="whenFalse"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

    /// <summary>True when any lane of the mask is set.</summary>
    static abstract bool Any(TSelf mask);

    /// <summary>True when every lane of the mask is set.</summary>
    static abstract bool All(TSelf mask);
}
