using System.Globalization;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The event definition, row by row (docs/scanner.md): reference = the open of the contract-day's first
/// bar; a bar is above when close ≥ reference × (1 + threshold); an event is a maximal run of consecutive above
/// bars in bar order (time gaps do not break it); duration = its bars; trigger = its first bar. Each row is one
/// contract-day written to a real lake; expectations are worked out by hand from the closes.
/// </summary>
public sealed class MomentumDefinitionTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private const string Ticker = "O:SPY250307C00580000";

    // id, threshold, first open, closes, minutes after 09:30 ("" = 0, 1, 2, …), expected events as trigger-minute:duration
    [Theory]
    [InlineData("one run", 0.2, 1.00, "1.00 1.25 1.30 1.10", "", "1:2")]
    [InlineData("a time gap does not break a run", 0.2, 1.00, "1.00 1.30 1.30 1.40", "0 1 45 200", "1:3")]
    [InlineData("a close exactly at the threshold counts (5.15 × 1.2 = 6.18)", 0.2, 5.15, "5.15 6.18 5.15", "", "1:1")]
    [InlineData("one cent under the threshold does not", 0.2, 5.15, "5.15 6.17 6.17", "", "")]
    [InlineData("several events in one day", 0.2, 1.00, "1.00 1.30 1.00 1.25 1.21 1.00 1.50", "", "1:1 3:2 6:1")]
    [InlineData("the first bar can trigger: its close against its own open", 0.2, 2.00, "2.40 2.50 1.00", "", "0:2")]
    [InlineData("the reference is the first open, not the first close", 0.2, 1.00, "0.50 0.60 1.20", "", "2:1")]
    [InlineData("a run that lasts to the last bar", 0.2, 1.00, "1.00 1.00 1.20 1.20", "0 5 10 15", "10:2")]
    [InlineData("another threshold: 50 %", 0.5, 1.00, "1.40 1.50 1.60 1.49", "", "1:2")]
    [InlineData("no bar above: no event", 0.2, 3.00, "3.10 3.50 3.59", "", "")]
    public void Events_follow_the_definition(string id, double threshold, double firstOpen, string closes, string minutes, string expected)
    {
        using var lake = new ScannerTestLake();
        lake.WriteOptionBars(Day, Ticker, Bars(firstOpen, closes, minutes));

        var scan = lake.Scan(new MomentumScanOptions(Threshold: threshold));

        var found = string.Join(' ', scan.Events.Select(e => $"{(e.TriggerTs - Open(Day)).TotalMinutes}:{e.Duration}"));
        Assert.True(expected == found, $"{id}: expected events '{expected}', found '{found}'");
        Assert.All(scan.Events, e => Assert.Equal(firstOpen, e.Reference));
    }

    [Fact]
    public void An_event_carries_its_contract_its_span_its_peak_and_its_return()
    {
        using var lake = new ScannerTestLake();
        lake.WriteOptionBars(Day, Ticker, Bars(2.00, "2.00 2.50 2.90 2.45 1.00", "0 31 32 40 41"));

        var e = Assert.Single(lake.Scan().Events);

        Assert.Equal((Ticker, "SPY", new DateOnly(2025, 3, 7), "C", 580.0), (e.Ticker, e.Underlying, e.Expiry, e.OptionRight, e.Strike));
        Assert.Equal((Day, At(Day, 31), At(Day, 40), 3L, 10), (e.Date, e.TriggerTs, e.LastTs, e.Duration, e.TriggerHour));
        Assert.Equal((0.2, 2.00, 2.50, 2.90), (e.Threshold, e.Reference, e.TriggerClose, e.PeakClose));
        Assert.Equal(0.45, e.MaxReturn!.Value, 12);
    }

    /// <summary>
    /// Bars at <paramref name="minutes"/> (consecutive minutes when empty) closing at <paramref name="closes"/>; the
    /// first opens at <paramref name="firstOpen"/>, the others at 100, far above any close, so a scan that took any
    /// other bar's open as the reference would find nothing.
    /// </summary>
    private static Bar[] Bars(double firstOpen, string closes, string minutes)
    {
        var prices = closes.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var at = minutes.Length == 0 ? Enumerable.Range(0, prices.Length).ToArray() : minutes.Split(' ').Select(int.Parse).ToArray();
        return prices.Select((close, i) => new Bar(at[i], i == 0 ? firstOpen : 100, close)).ToArray();
    }
}
