using Spx.Research.Configuration;
using Spx.Research.Monitor.Detection;

namespace Spx.Research.Tests.Monitor.Detection;

/// <summary>
/// The prototype's floors and rules at each threshold edge, with its defaults (docs/monitor.md): volume floor
/// 100 and premium floor $100,000 inclusive; volume delta &gt; 200, day over day &gt; 5× the comparison and
/// dormancy (comparison 0, day volume &gt; 100) strict.
/// </summary>
public sealed class HedgingRuleTests
{
    private static readonly DetectorSettings Defaults = new();

    private static PolledContract Contract(
        long dayVolume = 1000, long delta = 0, double? last = 5.0, double? bid = null, double? ask = null, double? vwap = null,
        long? comparison = 1000, ComparisonSource source = ComparisonSource.Aligned) => new(
        new DateTimeOffset(2025, 3, 5, 15, 0, 0, TimeSpan.Zero), new DateOnly(2025, 3, 5), "O:SPXW250417P05000000",
        new DateOnly(2025, 4, 17), 5000, 5800, dayVolume, delta, last, bid, ask, vwap, comparison, source, null);

    [Theory]
    // day volume, last, bid, ask, vwap, reached, price source, premium
    [InlineData(99, 100.0, null, null, null, false, "Last", 990_000.0)] // below the volume floor, however rich
    [InlineData(100, 10.0, null, null, null, true, "Last", 100_000.0)] // both floors exactly
    [InlineData(200, 4.99, null, null, null, false, "Last", 99_800.0)] // just under the premium floor
    [InlineData(200, 5.0, null, null, null, true, "Last", 100_000.0)]
    [InlineData(200, null, 4.0, 6.0, 9.0, true, "Mid", 100_000.0)] // no trade: mid before VWAP
    [InlineData(200, 0.0, 4.0, 6.0, null, true, "Mid", 100_000.0)] // a zero last price is no price
    [InlineData(200, null, 0.0, 10.0, null, true, "Mid", 100_000.0)] // a zero bid is a real quote
    [InlineData(200, null, 6.0, 4.0, 5.0, true, "Vwap", 100_000.0)] // crossed quote: VWAP
    [InlineData(200, null, 4.0, null, 5.0, true, "Vwap", 100_000.0)] // one-sided quote: VWAP
    [InlineData(200, null, null, null, null, false, "None", null)] // no price: unknown premium, not considered
    public void Floors_are_inclusive_and_the_premium_uses_last_then_mid_then_vwap(
        long dayVolume, double? last, double? bid, double? ask, double? vwap, bool reached, string priceSource, double? dollars)
    {
        var contract = Contract(dayVolume, last: last, bid: bid, ask: ask, vwap: vwap);
        var premium = TradedPremium.Of(contract);

        Assert.Equal(Enum.Parse<PriceSource>(priceSource), premium.Source);
        if (dollars is null) Assert.Null(premium.Dollars);
        else Assert.Equal(dollars.Value, premium.Dollars!.Value, 1e-6);
        Assert.Equal(reached, ContractFloors.Reached(contract, premium, Defaults));
    }

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Volume_delta_fires_strictly_above_200(long delta, bool fires)
    {
        var reason = new VolumeDeltaRule(Defaults).Check(Contract(delta: delta));
        Assert.Equal(fires, reason is not null);
        if (fires) Assert.Equal("201 traded since the previous poll (> 200)", reason);
    }

    [Theory]
    [InlineData(500, 100L, "Aligned", false)] // exactly 5×
    [InlineData(501, 100L, "Aligned", true)]
    [InlineData(501, 100L, "EarlierEod", true)] // any source but none
    [InlineData(501, 0L, "Aligned", false)] // 0 comparison is dormancy's case
    [InlineData(5000, null, "None", false)] // no comparison: skipped
    public void Day_over_day_fires_strictly_above_5x_a_nonzero_comparison(long dayVolume, long? comparison, string source, bool fires)
    {
        var contract = Contract(dayVolume, comparison: comparison, source: Enum.Parse<ComparisonSource>(source));
        var reason = new DayOverDayRule(Defaults).Check(contract);
        Assert.Equal(fires, reason is not null);
        if (fires) Assert.Contains($"day volume 501 > 5 × 100 ({contract.Source.Name()})", reason);
    }

    [Theory]
    [InlineData(100, 0L, "PreviousEod", false)] // exactly the floor
    [InlineData(101, 0L, "PreviousEod", true)]
    [InlineData(101, 1L, "PreviousEod", false)] // not dormant
    [InlineData(101, null, "None", false)] // never seen is not dormant
    public void Dormancy_fires_on_a_zero_comparison_and_more_than_100(long dayVolume, long? comparison, string source, bool fires)
    {
        var reason = new DormancyRule(Defaults).Check(Contract(dayVolume, comparison: comparison, source: Enum.Parse<ComparisonSource>(source)));
        Assert.Equal(fires, reason is not null);
        if (fires) Assert.Equal("day volume 101 after 0 (previous_eod; > 100)", reason);
    }

    [Fact]
    public void Thresholds_come_from_the_settings()
    {
        var strict = new DetectorSettings { DeltaFloor = 50, Multiplier = 2, DormancyFloor = 10 };
        Assert.NotNull(new VolumeDeltaRule(strict).Check(Contract(delta: 51)));
        Assert.NotNull(new DayOverDayRule(strict).Check(Contract(201, comparison: 100)));
        Assert.NotNull(new DormancyRule(strict).Check(Contract(11, comparison: 0)));
    }

    [Fact]
    public void Comparison_source_names_round_trip_and_an_unknown_one_is_named()
    {
        foreach (var source in ComparisonSources.All) Assert.Equal(source, ComparisonSources.Parse(source.Name()));
        var error = Assert.Throws<FormatException>(() => ComparisonSources.Parse("yesterday"));
        Assert.Equal("comparison source 'yesterday' is not one of aligned, previous_eod, previous_latest, earlier_eod, none", error.Message);
    }
}
