using Spx.Research.ScannerReport;
using Spx.Research.Scanning;

namespace Spx.Research.Tests.ScannerReport;

/// <summary>
/// The events chart's markers (docs/scanner-report.md, "What is on the page"): a marker per event up to the cap,
/// past it one per time window, the shortest of <see cref="EventMarkers.Windows"/> that fits, drawn at the window's
/// largest event. Counts are exact, so no tolerance.
/// </summary>
public sealed class EventMarkersTests
{
    /// <summary>Minute 0 of the rows: 2025-03-03 14:30 UTC, the session's open and a multiple of every window.</summary>
    private static readonly DateTimeOffset Open = new(2025, 3, 3, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    // events ("minute:peak return", "-" for no underlying price; tickers E0, E1, … in order), cap, window (0: a marker each), markers ("count×largest").
    [InlineData("0:0.3 1:0.2 2:0.4", 3, 0, "1×E0 1×E1 1×E2")] // at the cap: a marker each
    [InlineData("0:0.3 0:0.5 2:0.2", 2, 1, "2×E1 1×E2")] // two 1-minute windows fit
    [InlineData("0:0.3 1:0.2 2:0.4 3:0.2 4:0.2 5:0.9", 2, 5, "5×E2 1×E5")] // six 1-minute windows do not; 5-minute windows: 0–4 and 5
    [InlineData("0:0.3 1:0.2 30:0.2 61:0.6", 2, 60, "2×E0 2×E3")] // 5, 15 and 30 minutes give 3 windows; an hour gives 14:00–15:00 and 15:00–16:00 UTC
    [InlineData("0:0.3 0:0.3 1:0.5", 1, 5, "3×E2")]
    [InlineData("0:0.3 0:0.3", 1, 1, "2×E0")] // a tie in peak return goes to the earlier trigger, then the smaller ticker
    [InlineData("0:0.3 1:0.2:- 2:0.4", 2, 0, "1×E0 1×E2")] // an event without an underlying price is not placed, so not counted
    [InlineData("0:0.3 1440:0.2 2880:0.4", 2, 1440, "1×E0 1×E1 1×E2")] // three sessions: even a day per marker exceeds the cap, so one per session
    public void Up_to_the_cap_each_event_has_a_marker_and_past_it_each_window(string events, int cap, int window, string expected)
    {
        var rows = Rows(events);

        var markers = EventMarkers.Of(rows, cap);

        Assert.Equal(window == 0 ? null : window, markers.WindowMinutes);
        Assert.Equal(rows.Count(r => r.UnderlyingPrice is not null), markers.Events);
        Assert.Equal(expected, string.Join(' ', markers.Markers.Select(m => $"{m.Count}×{m.Largest.Ticker}")));
        Assert.Equal(markers.Events, markers.Markers.Sum(m => m.Count));
    }

    [Fact]
    public void A_cap_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EventMarkers.Of(Rows("0:0.3"), 0));

    private static List<MomentumEventRow> Rows(string events) =>
        events.Split(' ').Select((text, i) =>
        {
            var parts = text.Split(':');
            var trigger = Open.AddMinutes(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
            var peak = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            double? price = parts.Length > 2 ? null : 580;
            return new MomentumEventRow($"E{i}", "SPY", new DateOnly(2025, 3, 7), "C", 580, DateOnly.FromDateTime(trigger.UtcDateTime), trigger, 9,
                trigger.AddMinutes(3), 3, 0.2, 1.0, 1.0 + peak, 1.0 + peak, peak, price);
        }).ToList();
}
