namespace Spx.Research.Synthetic;

/// <summary>
/// The parameters of the synthetic market: SPX follows a log-normal price with log-OU stochastic variance
/// correlated negatively with returns (the leverage effect that makes VIX rise when SPX falls), plus
/// Poisson jumps. Defaults give SPX about 17% annual volatility, VIX mostly 12–30.
/// </summary>
public sealed record MarketModel
{
    /// <summary>Long-run variance of SPX returns (0.0289 = 17% volatility).</summary>
    public double LongRunVariance { get; init; } = 0.0289;

    /// <summary>Mean reversion speed of log variance, per year.</summary>
    public double VarianceReversion { get; init; } = 5.0;

    /// <summary>Volatility of log variance, per √year (VIX moves about 6% a day).</summary>
    public double VolOfVariance { get; init; } = 1.9;

    /// <summary>Correlation of return and variance shocks.</summary>
    public double Correlation { get; init; } = -0.72;

    /// <summary>Share of a day's variance that arrives overnight (as the opening gap).</summary>
    public double OvernightVarianceShare { get; init; } = 0.2;

    /// <summary>Trend growth of the index level, per year; the level reverts slowly to it.</summary>
    public double TrendGrowth { get; init; } = 0.055;

    /// <summary>SPX trend level on <see cref="Epoch"/>.</summary>
    public double TrendLevelAtEpoch { get; init; } = 1450.0;

    /// <summary>Reversion speed of the log level towards its trend, per year.</summary>
    public double LevelReversion { get; init; } = 0.5;

    /// <summary>Jumps per year.</summary>
    public double JumpsPerYear { get; init; } = 4.0;

    /// <summary>Mean and standard deviation of a jump in log price.</summary>
    public double JumpMean { get; init; } = -0.022;

    /// <inheritdoc cref="JumpMean"/>
    public double JumpStdDev { get; init; } = 0.012;

    /// <summary>Jump in log variance that accompanies a price jump.</summary>
    public double JumpVarianceKick { get; init; } = 0.45;

    /// <summary>Implied over realised volatility (the variance risk premium), as a volatility ratio.</summary>
    public double VolatilityRiskPremium { get; init; } = 1.12;

    /// <summary>Risk-free rate, continuously compounded.</summary>
    public double RiskFreeRate { get; init; } = 0.043;

    /// <summary>SPX dividend yield, continuously compounded.</summary>
    public double DividendYield { get; init; } = 0.013;

    /// <summary>SPY price per SPX point (SPY ≈ SPX/10, less accrued dividends and fees).</summary>
    public double SpyRatio { get; init; } = 0.0997;

    /// <summary>The first session the synthetic market has; the daily path starts here so any range is continuous with any other.</summary>
    public DateOnly Epoch { get; init; } = new(2000, 1, 3);

    /// <summary>Defaults.</summary>
    public static MarketModel Default { get; } = new();

    /// <summary>The 30-day expected variance VIX measures, from the current instantaneous variance.</summary>
    public double VixVariance(double variance)
    {
        const double tau = 30.0 / 365.0;
        var weight = (1 - Math.Exp(-VarianceReversion * tau)) / (VarianceReversion * tau);
        return LongRunVariance + (variance - LongRunVariance) * weight;
    }

    /// <summary>VIX from the instantaneous variance: 100 × implied 30-day volatility.</summary>
    public double Vix(double variance) => 100 * VolatilityRiskPremium * Math.Sqrt(VixVariance(variance));
}
