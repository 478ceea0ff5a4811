using System.Runtime.CompilerServices;

namespace Spx.Research.Pricing.Simd;

/// <summary>
/// <see cref="BlackScholes"/>' value and greeks over lanes, in model units (theta per year, vega and rho per 1.0),
/// term for term as its formula once d1, √t and the discount factors are known; both rights are computed and each
/// lane takes its own. Lanes at or after settlement or with no volatility are the caller's to replace.
/// </summary>
internal readonly struct LaneGreeks<T> where T : struct, ILanes<T>
{
    private LaneGreeks(T price, T delta, T gamma, T theta, T vega, T rho) =>
        (Price, Delta, Gamma, Theta, Vega, Rho) = (price, delta, gamma, theta, vega, rho);

    public T Price { get; }

    public T Delta { get; }

    public T Gamma { get; }

    /// <summary>Per year.</summary>
    public T Theta { get; }

    /// <summary>Per 1.0 of σ.</summary>
    public T Vega { get; }

    /// <summary>Per 1.0 of r.</summary>
    public T Rho { get; }

    /// <summary>At volatility σ: d1 = (ln(S/K) + (r − q + σ²/2)t)/(σ√t), as <see cref="BlackScholes.Greeks"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneGreeks<T> AtVolatility(T call, T spot, T strike, T t, T r, T q, T sigma)
    {
        var sqrtT = T.Sqrt(t);
        var d1 = (T.Log(spot / strike) + (r - q + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        return Formula(call, spot, strike, t, r, q, sigma, sqrtT, d1, LaneMath.Exp(-q * t), LaneMath.Exp(-r * t));
    }

    /// <summary>
    /// At the solver's s = σ√t for a normalised price with ln(F/K) <paramref name="x"/>, √t and e^(rt)
    /// <paramref name="growth"/>: d1 = x/s + s/2, as <see cref="BlackScholes.GreeksAtSolution{TNormal}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static LaneGreeks<T> AtSolution(T call, T spot, T strike, T t, T r, T q, T x, T sqrtT, T growth, T s)
    {
        var d1 = x / s + 0.5 * s;
        return Formula(call, spot, strike, t, r, q, s / sqrtT, sqrtT, d1, LaneMath.Exp(-q * t), 1 / growth);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static LaneGreeks<T> Formula(T call, T spot, T strike, T t, T r, T q, T sigma, T sqrtT, T d1, T qDf, T rDf)
    {
        var d2 = d1 - sigma * sqrtT;
        LaneNormal.Cdfs(d1, out var nd1, out var nmd1, out var pdf);
        LaneNormal.Cdfs(d2, out var nd2, out var nmd2, out _);
        var gamma = qDf * pdf / (spot * sigma * sqrtT);
        var vega = spot * qDf * pdf * sqrtT;
        var decay = -spot * qDf * pdf * sigma / (2 * sqrtT);

        var price = T.Select(call, spot * qDf * nd1 - strike * rDf * nd2, strike * rDf * nmd2 - spot * qDf * nmd1);
        var delta = T.Select(call, qDf * nd1, -qDf * nmd1);
        var theta = T.Select(call, decay - r * strike * rDf * nd2 + q * spot * qDf * nd1, decay + r * strike * rDf * nmd2 - q * spot * qDf * nmd1);
        var rho = T.Select(call, strike * t * rDf * nd2, -strike * t * rDf * nmd2);
        return new LaneGreeks<T>(price, delta, gamma, theta, vega, rho);
    }
}
