using Spx.Research.Scanning;

namespace Spx.Research.ScannerReport;

/// <summary>
/// The markers of the events chart. Up to a cap, one per event with an underlying price; past it, one per time
/// window holding events, the window the shortest of <see cref="Windows"/> that keeps the markers within the cap.
/// A year has over a hundred thousand events, and a marker each made the page megabytes of hover text.
/// </summary>
/// <param name="Markers">In time order.</param>
/// <param name="Events">Events with an underlying price, which are the ones a chart on the underlying can place.</param>
/// <param name="WindowMinutes">Minutes a marker spans (windows aligned on UTC midnight), or null when each event has its own.</param>
public sealed record EventMarkers(IReadOnlyList<EventMarker> Markers, int Events, int? WindowMinutes)
{
    /// <summary>Most markers a page draws unless the report's options say otherwise.</summary>
    public const int DefaultCap = 2000;

    /// <summary>
    /// Window lengths tried in order, in minutes; the last, a UTC day, holds one whole New York session. When even
    /// a day per marker exceeds the cap, the chart gets one marker per session with events.
    /// </summary>
    public static readonly IReadOnlyList<int> Windows = [1, 5, 15, 30, 60, 120, 240, 1440];

    /// <summary>The markers for <paramref name="events"/> with at most <paramref name="cap"/> of them (see <see cref="Windows"/> for the exception).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cap"/> is below 1.</exception>
    public static EventMarkers Of(IReadOnlyList<MomentumEventRow> events, int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var priced = events.Where(e => e.UnderlyingPrice is not null).ToArray();
        if (priced.Length <= cap) return new EventMarkers(priced.Select(e => new EventMarker(e, 1)).ToArray(), priced.Length, null);

        var minutes = Windows.FirstOrDefault(w => priced.Select(e => Window(e, w)).Distinct().Count() <= cap, Windows[^1]);
        var markers = priced
            .GroupBy(e => Window(e, minutes))
            .OrderBy(g => g.Key)
            .Select(g => new EventMarker(g.MaxBy(e => e, Larger.Instance)!, g.Count()))
            .ToArray();
        return new EventMarkers(markers, priced.Length, minutes);
    }

    /// <summary>The index of the <paramref name="minutes"/>-long window since the Unix epoch that holds the trigger.</summary>
    private static long Window(MomentumEventRow e, int minutes) => e.TriggerTs.ToUnixTimeSeconds() / 60 / minutes;

    /// <summary>Orders by peak return (missing lowest); on a tie the earlier trigger, then the smaller ticker, counts as larger, as the headline table orders.</summary>
    private sealed class Larger : IComparer<MomentumEventRow>
    {
        public static readonly Larger Instance = new();

        public int Compare(MomentumEventRow? x, MomentumEventRow? y)
        {
            var byReturn = Nullable.Compare(x!.MaxReturn, y!.MaxReturn);
            if (byReturn != 0) return byReturn;
            var byTrigger = y.TriggerTs.CompareTo(x.TriggerTs);
            return byTrigger != 0 ? byTrigger : string.CompareOrdinal(y.Ticker, x.Ticker);
        }
    }
}
