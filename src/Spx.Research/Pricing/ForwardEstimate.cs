namespace Spx.Research.Pricing;

/// <summary>An expiry's forward from put-call parity, the strike it was read at, and the yield it implies.</summary>
/// <param name="Forward">F = K* + e^(rt)·(C − P).</param>
/// <param name="Strike">K*, the strike whose call and put mids are closest.</param>
/// <param name="Yield">q = r − ln(F/S)/t, the continuous yield that puts the spot on this forward.</param>
public readonly record struct ForwardEstimate(double Forward, double Strike, double Yield);
