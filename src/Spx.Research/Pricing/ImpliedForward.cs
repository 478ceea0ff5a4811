namespace Spx.Research.Pricing;

/// <summary>
/// The SPX forward of one expiry from put-call parity (docs/pricing.md, "SPX: the implied forward"): at the strike
/// where the call and put mids are closest, F = K + e^(rt)·(C − P). Pricing on this forward needs no dividend
/// estimate and makes calls and puts of one strike agree on volatility.
/// </summary>
public static class ImpliedForward
{
    /// <summary>The forward and implied yield from call and put mids per strike; rows with a missing mid (NaN, ≤ 0) are skipped.</summary>
    /// <exception cref="ArgumentException">Columns of different lengths, t ≤ 0, a spot ≤ 0, or no strike with both mids.</exception>
    public static ForwardEstimate FromParity(ReadOnlySpan<double> strikes, ReadOnlySpan<double> callMids, ReadOnlySpan<double> putMids, double spot, double t, double r)
    {
        if (callMids.Length != strikes.Length || putMids.Length != strikes.Length)
            throw new ArgumentException($"strikes, call mids and put mids differ in length ({strikes.Length}, {callMids.Length}, {putMids.Length})");
        if (!(t > 0)) throw new ArgumentException($"t is {t}: the forward needs time to settlement", nameof(t));
        if (!(spot > 0)) throw new ArgumentException($"spot is {spot}: it must be positive", nameof(spot));

        var best = -1;
        for (var i = 0; i < strikes.Length; i++)
        {
            if (!(callMids[i] > 0 && putMids[i] > 0 && strikes[i] > 0)) continue;
            if (best < 0 || Math.Abs(callMids[i] - putMids[i]) < Math.Abs(callMids[best] - putMids[best])) best = i;
        }

        if (best < 0) throw new ArgumentException($"none of the {strikes.Length} strikes has both a call and a put mid");
        var forward = strikes[best] + Math.Exp(r * t) * (callMids[best] - putMids[best]);
        return new ForwardEstimate(forward, strikes[best], r - Math.Log(forward / spot) / t);
    }
}
