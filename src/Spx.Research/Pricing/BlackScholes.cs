using Spx.Research.Market;

namespace Spx.Research.Pricing;

/// <summary>
/// Generalised Black-Scholes-Merton for European options with a continuous yield <c>q</c>: SPX with its
/// dividend yield, and the common European approximation for SPY. Pure functions of doubles.
/// </summary>
/// <remarks>
/// <para><c>t</c> is the year fraction to settlement (intraday-aware: minutes / (365·1440)); <c>r</c> and
/// <c>q</c> are continuously compounded; <c>sigma</c> is the annual volatility.</para>
/// <para>At or after settlement (<c>t ≤ 0</c>) or with no volatility the value is the discounted forward
/// intrinsic value and the greeks are those of that payoff (delta 0 or ±1·e^{−qt}, gamma and vega 0),
/// so callers never see NaN for an expiring contract.</para>
/// </remarks>
public static class BlackScholes
{
    /// <summary>The option's value.</summary>
    public static double Price(OptionRight right, double spot, double strike, double t, double r, double q, double sigma)
    {
        if (t <= 0 || sigma <= 0) return Intrinsic(right, spot, strike, Math.Max(t, 0), r, q);

        var sqrtT = Math.Sqrt(t);
        var d1 = (Math.Log(spot / strike) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        var d2 = d1 - sigma * sqrtT;
        var spotDf = spot * Math.Exp(-q * t);
        var strikeDf = strike * Math.Exp(-r * t);
        return right == OptionRight.Call
            ? spotDf * NormalDistribution.Cdf(d1) - strikeDf * NormalDistribution.Cdf(d2)
            : strikeDf * NormalDistribution.Cdf(-d2) - spotDf * NormalDistribution.Cdf(-d1);
    }

    /// <summary>Value, delta, gamma, theta (per year), vega and rho (per 1.0).</summary>
    public static OptionGreeks Greeks(OptionRight right, double spot, double strike, double t, double r, double q, double sigma) =>
        Greeks<MathNetNormal>(right, spot, strike, t, r, q, sigma);

    /// <summary><see cref="Greeks"/> with the normal CDF <typeparamref name="TNormal"/> (see <see cref="INormalCdf"/>).</summary>
    internal static OptionGreeks Greeks<TNormal>(OptionRight right, double spot, double strike, double t, double r, double q, double sigma)
        where TNormal : INormalCdf
    {
        if (t <= 0 || sigma <= 0)
        {
            var value = Intrinsic(right, spot, strike, Math.Max(t, 0), r, q);
            var inTheMoney = right == OptionRight.Call ? spot * Math.Exp(-q * t) > strike * Math.Exp(-r * t) : spot * Math.Exp(-q * t) < strike * Math.Exp(-r * t);
            var delta = inTheMoney ? (right == OptionRight.Call ? 1.0 : -1.0) * Math.Exp(-q * Math.Max(t, 0)) : 0.0;
            return new OptionGreeks(value, delta, 0, 0, 0, 0);
        }

        var sqrtT = Math.Sqrt(t);
        var d1 = (Math.Log(spot / strike) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        return Formula<TNormal>(right, spot, strike, t, r, q, sigma, sqrtT, d1, Math.Exp(-q * t), Math.Exp(-r * t));
    }

    /// <summary>
    /// Greeks at the total volatility s = σ√t the implied-volatility solver found for <paramref name="normalised"/>,
    /// reusing its ln(F/K), √t and e^(rt): d1 = x/s + s/2, so no log, square root or second discount factor.
    /// </summary>
    internal static OptionGreeks GreeksAtSolution<TNormal>(OptionRight right, double spot, double strike, double t, double r, double q, in NormalisedPrice normalised, double s)
        where TNormal : INormalCdf
    {
        var d1 = normalised.LogMoneyness / s + 0.5 * s;
        return Formula<TNormal>(right, spot, strike, t, r, q, s / normalised.SqrtT, normalised.SqrtT, d1, Math.Exp(-q * t), 1 / normalised.Growth);
    }

    /// <summary>The formula once d1, √t and the discount factors e^(−qt), e^(−rt) are known.</summary>
    private static OptionGreeks Formula<TNormal>(OptionRight right, double spot, double strike, double t, double r, double q, double sigma, double sqrtT, double d1, double qDf, double rDf)
        where TNormal : INormalCdf
    {
        var d2 = d1 - sigma * sqrtT;
        var pdf = NormalDistribution.Pdf(d1);
        var gamma = qDf * pdf / (spot * sigma * sqrtT);
        var vega = spot * qDf * pdf * sqrtT;
        var decay = -spot * qDf * pdf * sigma / (2 * sqrtT);

        if (right == OptionRight.Call)
        {
            var nd1 = TNormal.Cdf(d1);
            var nd2 = TNormal.Cdf(d2);
            var price = spot * qDf * nd1 - strike * rDf * nd2;
            var theta = decay - r * strike * rDf * nd2 + q * spot * qDf * nd1;
            return new OptionGreeks(price, qDf * nd1, gamma, theta, vega, strike * t * rDf * nd2);
        }
        else
        {
            var nmd1 = TNormal.Cdf(-d1);
            var nmd2 = TNormal.Cdf(-d2);
            var price = strike * rDf * nmd2 - spot * qDf * nmd1;
            var theta = decay + r * strike * rDf * nmd2 - q * spot * qDf * nmd1;
            return new OptionGreeks(price, -qDf * nmd1, gamma, theta, vega, -strike * t * rDf * nmd2);
        }
    }

    private static double Intrinsic(OptionRight right, double spot, double strike, double t, double r, double q)
    {
        var forwardValue = spot * Math.Exp(-q * t) - strike * Math.Exp(-r * t);
        return Math.Max(right == OptionRight.Call ? forwardValue : -forwardValue, 0.0);
    }
}
