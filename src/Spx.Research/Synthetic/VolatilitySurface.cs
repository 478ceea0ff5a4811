namespace Spx.Research.Synthetic;

/// <summary>
/// Implied volatility by strike and expiry: an at-the-money term structure from the expected average
/// variance to expiry (so short expiries follow the current variance and long ones the long-run level),
/// times a smile in standardised moneyness z = ln(K/F)/(σ_atm√T) that is steep on the put side.
/// </summary>
/// <remarks>
/// The smile multiplier 1 − 0.1875 z + 0.0125 z² puts a 30-day 10%-OTM put near 1.5× and a 5%-OTM call near
/// 0.8× the at-the-money volatility, the usual SPX shape. Beyond z = −4 the put wing goes on rising along
/// its tangent (a parabola would explode, a cap would flatten the wing); the call wing levels off at 0.55×;
/// volatility stays under 250%. Total implied variance then changes slowly with strike (|∂w/∂k| ≪ 2),
/// well inside the no-arbitrage bounds.
/// </remarks>
public sealed class VolatilitySurface(MarketModel model, double variance)
{
    private const double MinYears = 1.0 / (365 * 24 * 4); // 15 minutes: keeps z finite at expiry

    /// <summary>The at-the-money implied volatility for <paramref name="years"/> to expiry.</summary>
    public double AtTheMoney(double years)
    {
        var t = Math.Max(years, MinYears);
        var kappa = model.VarianceReversion;
        var expected = model.LongRunVariance + (variance - model.LongRunVariance) * (1 - Math.Exp(-kappa * t)) / (kappa * t);
        return model.VolatilityRiskPremium * Math.Sqrt(expected);
    }

    /// <summary>Implied volatility at strike <paramref name="strike"/> for forward <paramref name="forward"/>.</summary>
    public double ImpliedVol(double strike, double forward, double years)
    {
        var t = Math.Max(years, MinYears);
        var atm = AtTheMoney(t);
        var z = Math.Log(strike / forward) / (atm * Math.Sqrt(t));
        return Math.Min(atm * Smile(z), MaxVol);
    }

    private const double MaxVol = 2.5;
    private const double WingStart = -4.0;
    private const double CallWingEnd = 7.5;

    private static double Smile(double z)
    {
        if (z < WingStart)
        {
            var slope = -0.1875 + 2 * 0.0125 * WingStart; // the tangent at the wing's start
            return Smile(WingStart) + slope * (z - WingStart);
        }

        z = Math.Min(z, CallWingEnd); // past the parabola's low point the call wing stays flat
        return Math.Max(1 - 0.1875 * z + 0.0125 * z * z, 0.55);
    }
}
