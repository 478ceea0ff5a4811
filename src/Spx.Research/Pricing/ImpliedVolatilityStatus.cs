namespace Spx.Research.Pricing;

/// <summary>Whether an implied volatility was found, and if not, why the price has none (docs/pricing.md).</summary>
public enum ImpliedVolatilityStatus : byte
{
    /// <summary>Solved: the value reproduces the price to within 1e-10 of σ.</summary>
    Solved,

    /// <summary>The price is below the discounted forward intrinsic value: no volatility is that cheap.</summary>
    BelowIntrinsic,

    /// <summary>The price reaches the no-arbitrage upper bound (S·e^(−qt) for a call, K·e^(−rt) for a put).</summary>
    AboveUpperBound,

    /// <summary>No time is left to settlement (t ≤ 0): the value is intrinsic whatever σ is.</summary>
    Expired,

    /// <summary>The price equals intrinsic, or its time value is lost in the price's rounding (deep in the money).</summary>
    NoTimeValue,

    /// <summary>An input is NaN or infinite.</summary>
    NonFiniteInput,

    /// <summary>The spot or the strike is zero or negative.</summary>
    NonPositiveSpotOrStrike,

    /// <summary>The iteration did not settle within its budget; not expected, kept so a failure is never a number.</summary>
    NotConverged,
}
