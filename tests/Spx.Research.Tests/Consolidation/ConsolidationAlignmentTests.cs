using static Spx.Research.Tests.Consolidation.ConsolidationTestLake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// The as-of rules of <c>option_minutes</c> at their edges (docs/consolidation.md): the option bar is 09:31–09:32
/// New York on Monday 2025-03-03, so its start is 09:31:00 and its end 09:32:00.
/// </summary>
public sealed class ConsolidationAlignmentTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly DateOnly DayBefore = new(2025, 2, 28);
    private const string Call = "O:SPY250307C00580000";

    private static ConsolidationTestLake LakeWithOneBar()
    {
        var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(Day, Call, new Bar(1, 5.00));
        return lake;
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Theory]
    [InlineData(119.0, 580.50)]   // 09:31:59 starts before the minute's end: taken
    [InlineData(119.999999, 580.75)] // a microsecond before the end: still taken
    public void Spot_is_the_last_second_bar_starting_strictly_before_the_minutes_end(double lastBefore, double expected)
    {
        using var lake = LakeWithOneBar();
        lake.WriteSpot(Day, (S(60), 580.10), (S(lastBefore), expected), (S(120), 581.00)); // 09:32:00 is the end: not taken

        lake.Consolidate(Day, Day);

        var minutes = lake.Minutes(Call);
        Assert.Equal(expected, minutes.GetColumn<double>("spot")[0]);
        Assert.Equal(580.0 / expected, minutes.GetColumn<double>("moneyness")[0]);
    }

    [Fact]
    public void Vix_is_the_last_minute_bar_starting_at_or_before_the_bars_start()
    {
        using var lake = LakeWithOneBar();
        lake.WriteSpot(Day, (S(60), 580.0));
        lake.WriteVix(Day, (S(0), 19.0), (S(60), 20.0), (S(61), 21.0), (S(120), 22.0));

        lake.Consolidate(Day, Day);

        Assert.Equal(20.0, lake.Minutes(Call).GetColumn<double>("vix")[0]);
    }

    [Fact]
    public void News_is_the_latest_item_published_by_the_minutes_end_listing_the_underlying_and_a_tie_goes_to_the_greatest_id()
    {
        using var lake = LakeWithOneBar();
        lake.WriteSpot(Day, (S(60), 580.0));
        var end = At(Day, S(120));
        lake.WriteNews(DayBefore, ("old", At(DayBefore, S(0)), ["SPY"], "neutral"));
        lake.WriteNews(Day,
            ("n-a", end, ["SPY", "QQQ"], "negative"),
            ("n-b", end, ["SPY"], "positive"),                     // same instant, greater id: wins
            ("n-0", end.AddTicks(-10), ["SPY"], "neutral"),        // earlier
            ("qqq", end, ["QQQ"], "positive"),                     // does not list SPY
            ("late", end.AddTicks(10), ["SPY"], "negative"));      // a microsecond after the end

        lake.Consolidate(Day, Day);

        var minutes = lake.Minutes(Call);
        Assert.Equal(("n-b", "positive"), (minutes.GetStrings("news_id")[0], minutes.GetStrings("news_sentiment")[0]));
    }

    [Fact]
    public void News_from_an_earlier_day_is_the_latest_until_the_day_has_its_own()
    {
        using var lake = LakeWithOneBar();
        lake.WriteSpot(Day, (S(60), 580.0));
        lake.WriteNews(DayBefore, ("old", At(DayBefore, S(0)), ["SPY"], "neutral"));

        lake.Consolidate(Day, Day);

        Assert.Equal("old", lake.Minutes(Call).GetStrings("news_id")[0]);
    }

    [Fact]
    public void Without_news_vix_or_an_underlying_bar_those_columns_are_null_and_iv_says_no_spot()
    {
        using var lake = LakeWithOneBar();
        lake.WriteSpot(Day, (S(120), 580.0)); // only after the minute's end
        lake.WriteVix(Day, (S(61), 20.0));    // only after the bar's start

        lake.Consolidate(Day, Day);

        var minutes = lake.Minutes(Call);
        Assert.Equal(1, minutes.RowCount);
        foreach (var column in new[] { "spot", "moneyness", "vix", "news_id", "news_sentiment" })
            Assert.True(minutes.GetNullMask(column)[0], $"{column} should be NULL");
        Assert.Equal("no_spot", minutes.GetStrings("iv_status")[0]);
        Assert.True(double.IsNaN(minutes.GetColumn<double>("iv")[0]));
        Assert.True(double.IsNaN(minutes.GetColumn<double>("delta")[0]));
    }
}
