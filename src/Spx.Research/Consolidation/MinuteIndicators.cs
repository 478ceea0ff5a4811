using System.Runtime.CompilerServices;
namespace Spx.Research.Consolidation;

/// <summary>
/// The simple indicators of <c>option_minutes</c> (docs/consolidation.md), per contract over its bars of the day in
/// time order: the return over n minutes against the last bar starting n minutes or more earlier, and the volume of
/// the bars starting in the last n minutes, this one included. Time, not bar counts: a gap without trades must not
/// turn a 20-minute change into a "5-minute" one. One forward pass per contract with a trailing pointer per window.
/// </summary>
internal static class MinuteIndicators
{
    private const long MicrosPerMinute = 60_000_000;

    /// <summary>
    /// Fills <paramref name="returns"/> (NULL where <paramref name="isNull"/>: no earlier bar, or its close is 0) for the
    /// rows <c>[first, first + count)</c> of one contract, whose <paramref name="ts"/> ascend.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Returns(int minutes, long[] ts, double[] close, int first, int count, double[] returns, bool[] isNull)
    {
        var lag = minutes * MicrosPerMinute;
        var back = first - 1;   // the last row starting at or before ts − lag, or first − 1 when none
        for (var i = first; i < first + count; i++)
        {
            while (back + 1 < i && ts[back + 1] <= ts[i] - lag) back++;
            // Both arrays are written on every row: the worker reuses them from date to date.
            var known = back >= first && close[back] != 0;
            returns[i] = known ? close[i] / close[back] - 1 : 0;
            isNull[i] = !known;
        }
    }

    /// <summary>Fills <paramref name="sums"/> with the volume of the contract's bars starting within the last n minutes (ts − (n−1) min … ts).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RollingVolume(int minutes, long[] ts, long[] volume, int first, int count, long[] sums)
    {
        var span = (minutes - 1) * MicrosPerMinute;
        var start = first;
        var sum = 0L;
        for (var i = first; i < first + count; i++)
        {
            sum += volume[i];
            while (ts[start] < ts[i] - span) sum -= volume[start++];
            sums[i] = sum;
        }
    }
}
