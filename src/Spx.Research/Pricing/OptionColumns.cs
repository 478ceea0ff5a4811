using Spx.Research.Market;

namespace Spx.Research.Pricing;

/// <summary>
/// The terms of many options as columns, one element per option: the input of <see cref="PricingBatch"/>. Columns
/// (not an array of records) because that is how DuckDB hands a query's result over and how the kernels read best.
/// </summary>
/// <param name="Right">Call or put.</param>
/// <param name="Spot">Underlying price.</param>
/// <param name="Strike">Strike, in the underlying's units.</param>
/// <param name="Years">Year fraction to settlement (<see cref="YearFraction"/>).</param>
/// <param name="Rate">Continuously compounded rate r.</param>
/// <param name="Yield">Continuous dividend yield q.</param>
public readonly ref struct OptionColumns(
    ReadOnlySpan<OptionRight> Right,
    ReadOnlySpan<double> Spot,
    ReadOnlySpan<double> Strike,
    ReadOnlySpan<double> Years,
    ReadOnlySpan<double> Rate,
    ReadOnlySpan<double> Yield)
{
    public ReadOnlySpan<OptionRight> Right { get; } = Right;
    public ReadOnlySpan<double> Spot { get; } = Spot;
    public ReadOnlySpan<double> Strike { get; } = Strike;
    public ReadOnlySpan<double> Years { get; } = Years;
    public ReadOnlySpan<double> Rate { get; } = Rate;
    public ReadOnlySpan<double> Yield { get; } = Yield;

    /// <summary>The number of options: the length of <see cref="Right"/>.</summary>
    public int Length => Right.Length;

    /// <summary>Throws, naming the column, when a column's length differs from <see cref="Length"/>.</summary>
    internal void CheckLengths()
    {
        CheckLength(Spot.Length, nameof(Spot));
        CheckLength(Strike.Length, nameof(Strike));
        CheckLength(Years.Length, nameof(Years));
        CheckLength(Rate.Length, nameof(Rate));
        CheckLength(Yield.Length, nameof(Yield));
    }

    internal void CheckLength(int length, string column)
    {
        if (length != Length) throw new ArgumentException($"column {column} has {length} values, expected {Length} (one per option)", column);
    }
}
