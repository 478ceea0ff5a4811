namespace Spx.Research.Pricing;

/// <summary>An expiry's forward from put-call parity, the strikes it was read at, and the yield it implies.</summary>
/// <param name="Forward">The median over the strikes used of K + e^(rt)·(C − P).</param>
/// <param name="Strike">K*, the strike whose call and put mids are closest: the at-the-money strike.</param>
/// <param name="StrikesUsed">How many strikes the median is over: the number asked for, or fewer when fewer have both mids.</param>
/// <param name="Yield">q = r − ln(F/S)/t, the continuous yield that puts the spot on this forward.</param>
public readonly record struct ForwardEstimate(double Forward, double Strike, int StrikesUsed, double Yield);
