namespace Spx.Research.Consolidation;

/// <summary>What one consolidation run covers and the rate and yield its implied volatilities use (docs/consolidation.md).</summary>
/// <param name="Underlying">Whose options: <c>SPY</c> (spot from <c>stock_bars_1s</c>).</param>
/// <param name="From">First New York date, inclusive.</param>
/// <param name="To">Last New York date, inclusive.</param>
/// <param name="Rate">Continuously compounded risk-free rate r.</param>
/// <param name="Yield">Continuous dividend yield q of the underlying.</param>
public sealed record ConsolidationOptions(string Underlying, DateOnly From, DateOnly To, double Rate, double Yield)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the value that cannot describe a run.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Underlying);
        if (From > To) throw new ArgumentException($"from {From:yyyy-MM-dd} is after to {To:yyyy-MM-dd}");
        if (!double.IsFinite(Rate)) throw new ArgumentException($"rate {Rate} is not a finite number");
        if (!double.IsFinite(Yield)) throw new ArgumentException($"yield {Yield} is not a finite number");
    }
}
