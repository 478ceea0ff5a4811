namespace Spx.Research.Pricing;

/// <summary>An implied volatility and how it was found: <see cref="Value"/> is NaN unless <see cref="Status"/> is Solved.</summary>
public readonly record struct ImpliedVolatilityResult(double Value, ImpliedVolatilityStatus Status)
{
    /// <summary>True when <see cref="Value"/> is a volatility.</summary>
    public bool IsSolved => Status == ImpliedVolatilityStatus.Solved;

    internal static ImpliedVolatilityResult Failed(ImpliedVolatilityStatus status) => new(double.NaN, status);
}
