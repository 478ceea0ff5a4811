using Spx.Research.Lake;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The scan's summary on a hand-written lake of four SPY contract-days (and one SPX one that the SPY scan must
/// ignore), with every figure worked out by hand; then the trigger hour in New York time across DST switches,
/// the underlying's price at the trigger, and the empty and missing lake.
/// </summary>
public sealed class MomentumSummaryTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private const string A = "O:SPY250307C00580000";
    private const string B = "O:SPY250307P00575000";
    private const string C = "O:SPY250304C00585000";
    private const string Spx = "O:SPXW250304P05500000";

    /// <summary>
    /// Monday: A has 5 bars and 2 events (09:31 for 1 bar, 09:33 for 2), B 3 bars and none, C 2 bars and none;
    /// Tuesday: A has one bar at 11:05 that closes 25 % over its own open (1 event). SPX: one event, not SPY's.
    /// </summary>
    private static void WriteFourContractDays(ScannerTestLake lake)
    {
        lake.WriteOptionBars(Monday,
        [
            (A, [new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.30), new Bar(2, 1.30, 1.00), new Bar(3, 1.00, 1.25), new Bar(4, 1.25, 1.21)]),
            (B, [new Bar(0, 2.00, 2.00), new Bar(1, 2.00, 2.10), new Bar(2, 2.10, 2.20)]),
            (C, [new Bar(0, 0.50, 0.50), new Bar(7, 0.50, 0.40)]),
            (Spx, [new Bar(0, 10.0, 10.0), new Bar(1, 10.0, 30.0)]),
        ]);
        lake.WriteOptionBars(Tuesday, A, new Bar(95, 1.00, 1.25));
    }

    [Fact]
    public void The_summary_counts_every_contract_day_including_those_without_events()
    {
        using var lake = new ScannerTestLake();
        WriteFourContractDays(lake);

        var summary = lake.Scan().Summary;

        Assert.Equal((4L, 11L, 3L, 4L), (summary.ContractDays, summary.Bars, summary.Events, summary.MinutesAbove));
        // Events per contract-day are 2, 0, 0, 1: the median is 0.5 (1.5 if the zero days were left out).
        Assert.Equal(new MomentumSummary.Spread(0, 0.5, 2), summary.EventsPerContractDay);
        Assert.Equal(4.0 / 11, summary.Rate!.Value, 15);
        // Durations 1, 2, 1.
        Assert.Equal(1.0, summary.Duration.Median);
        Assert.Equal(4.0 / 3, summary.Duration.Mean!.Value, 15);
        // Bars span 09:30..11:05, so hours 9, 10 and 11 are listed, 10 with no event.
        Assert.Equal([new(9, 2), new(10, 0), new(11, 1)], summary.HourDistribution);
    }

    [Fact]
    public void The_range_and_the_underlying_choose_the_contract_days()
    {
        using var lake = new ScannerTestLake();
        WriteFourContractDays(lake);

        var tuesday = lake.Scan(new MomentumScanOptions(From: Tuesday));
        var spx = lake.Scan(new MomentumScanOptions("SPX", To: Monday));

        Assert.Equal((1L, 1L, 1L), (tuesday.Summary.ContractDays, tuesday.Summary.Bars, tuesday.Summary.Events));
        Assert.Equal([Tuesday], tuesday.Dates);
        Assert.Equal((1L, 2L, 1L), (spx.Summary.ContractDays, spx.Summary.Bars, spx.Summary.Events));
        Assert.Equal(Spx, Assert.Single(spx.Events).Ticker);
    }

    [Fact]
    public void An_empty_range_has_no_contract_days_and_null_statistics()
    {
        using var lake = new ScannerTestLake();
        WriteFourContractDays(lake);

        var scan = lake.Scan(new MomentumScanOptions(From: new DateOnly(2025, 4, 1), To: new DateOnly(2025, 4, 30)));

        Assert.Equal((0L, 0L, 0L, 0L), (scan.Summary.ContractDays, scan.Summary.Bars, scan.Summary.Events, scan.Summary.MinutesAbove));
        Assert.Equal(new MomentumSummary.Spread(null, null, null), scan.Summary.EventsPerContractDay);
        Assert.Null(scan.Summary.Rate);
        Assert.Empty(scan.Summary.HourDistribution);
        Assert.Empty(scan.Dates);
    }

    [Fact]
    public void No_lake_is_an_error_naming_the_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "spx-no-lake-" + Guid.NewGuid().ToString("N"));
        using var session = LakeSession.Open(missing);

        var error = Assert.Throws<LakeNotFoundException>(() => MomentumScanner.Run(session, new MomentumScanOptions()));

        Assert.Contains(missing, error.Message);
    }

    // date, New York's UTC offset that day: 10:05 and 15:59 New York are hours 10 and 15 whatever the offset
    [Theory]
    [InlineData("2025-03-07", -5)] // the Friday before the spring switch
    [InlineData("2025-03-10", -4)] // the Monday after it
    [InlineData("2024-11-01", -4)] // the Friday before the autumn switch
    [InlineData("2024-11-04", -5)] // the Monday after it
    public void The_trigger_hour_is_New_York_time_across_DST(string date, int offsetHours)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        using var lake = new ScannerTestLake();
        lake.WriteOptionBars(day, "O:SPY251219C00600000",
            new Bar(0, 1.00, 1.00), new Bar(35, 1.00, 1.50), new Bar(36, 1.00, 1.00), new Bar(389, 1.00, 1.30));

        var scan = lake.Scan();

        var offset = TimeSpan.FromHours(offsetHours);
        Assert.Equal(
            [(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 5)), offset), 10), (new DateTimeOffset(day.ToDateTime(new TimeOnly(15, 59)), offset), 15)],
            scan.Events.Select(e => (e.TriggerTs, e.TriggerHour)));
        Assert.All(scan.Events, e => Assert.Equal(day, e.Date));
        Assert.Equal([new(9, 0), new(10, 1), new(11, 0), new(12, 0), new(13, 0), new(14, 0), new(15, 1)], scan.Summary.HourDistribution);
    }
}
