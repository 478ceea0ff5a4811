using MathNet.Numerics.Statistics;

namespace Spx.Research.Pricing;

/// <summary>
/// The SPX forward of one expiry from put-call parity (docs/pricing.md, "SPX: the implied forward"): at each of the
/// few strikes where the call and put mids are closest, F = K + e^(rt)·(C − P), and the forward is the median of
/// those readings. Pricing on this forward needs no dividend estimate and makes calls and puts of one strike agree
/// on volatility.
/// </summary>
public static class ImpliedForward
{
    /// <summary>How many strikes the median is taken over unless the caller says otherwise: one or two bad quotes are outvoted.</summary>
    public const int DefaultNearestStrikes = 5;

    /// <summary>
    /// The forward and implied yield from call and put mids per strike; rows with a missing mid (NaN, ≤ 0) or strike are skipped.
    /// </summary>
    /// <remarks>
    /// Each strike gives its own reading of the forward, and on clean quotes they all agree. One stale or
    /// fat-fingered mid moves its strike's reading by the size of the error, and may even make that strike look
    /// the most at the money. The median of the <paramref name="nearestStrikes"/> readings ignores such an outlier
    /// as long as fewer than half of them are bad, where a mean or a single strike would follow it. Strikes near
    /// the money are used because their quotes are the tightest. With fewer usable strikes than asked for, the
    /// median is over those there are (two: their mean; one: its reading).
    /// </remarks>
    /// <param name="nearestStrikes">How many strikes, those with the smallest |C − P|, the median is over.</param>
    /// <exception cref="ArgumentException">Columns of different lengths, t ≤ 0, a spot ≤ 0, or no strike with both mids.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nearestStrikes"/> is below 1.</exception>
    public static ForwardEstimate FromParity(
        ReadOnlySpan<double> strikes, ReadOnlySpan<double> callMids, ReadOnlySpan<double> putMids, double spot, double t, double r,
        int nearestStrikes = DefaultNearestStrikes)
    {
        if (callMids.Length != strikes.Length || putMids.Length != strikes.Length)
            throw new ArgumentException($"strikes, call mids and put mids differ in length ({strikes.Length}, {callMids.Length}, {putMids.Length})");
        if (!(t > 0)) throw new ArgumentException($"t is {t}: the forward needs time to settlement", nameof(t));
        if (!(spot > 0)) throw new ArgumentException($"spot is {spot}: it must be positive", nameof(spot));
        ArgumentOutOfRangeException.ThrowIfLessThan(nearestStrikes, 1);

        // (|C − P|, row): sorting the pairs orders by gap, ties by row, so the choice is deterministic.
        var gaps = new List<(double Gap, int Row)>();
        for (var i = 0; i < strikes.Length; i++)
        {
            if (Usable(strikes[i]) && Usable(callMids[i]) && Usable(putMids[i])) gaps.Add((Math.Abs(callMids[i] - putMids[i]), i));
        }
        if (gaps.Count == 0) throw new ArgumentException($"none of the {strikes.Length} strikes has both a call and a put mid");
        gaps.Sort();

        var growth = Math.Exp(r * t);
        var readings = new double[Math.Min(nearestStrikes, gaps.Count)];
        for (var j = 0; j < readings.Length; j++)
        {
            var row = gaps[j].Row;
            readings[j] = strikes[row] + growth * (callMids[row] - putMids[row]);
        }
        var forward = readings.Median();
        return new ForwardEstimate(forward, strikes[gaps[0].Row], readings.Length, r - Math.Log(forward / spot) / t);
    }

    private static bool Usable(double value) => double.IsFinite(value) && value > 0;
}
