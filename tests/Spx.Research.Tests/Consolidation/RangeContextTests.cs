using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Market;
using static Spx.Research.Tests.Consolidation.ConsolidationTestLake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// The as-of context of a run (<see cref="RangeContext"/>, <see cref="ConsolidationQueries.Context"/>): the spot join
/// over minute buckets equals the per-second join when every start is on a whole minute; a start off the minute
/// switches to the per-second join; and spot never comes from another date.
/// </summary>
public sealed class RangeContextTests
{
    private static readonly DateOnly Monday = new(2025, 3, 3);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private const string Call = "O:SPY250307C00580000";

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    public void On_the_sample_dates_the_minute_bucket_join_gives_the_per_second_joins_rows(int from, int to)
    {
        using var lake = new SampleInputLake();
        using var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default);
        var connection = writer.Connection;
        var days = Enumerable.Range(from, to - from + 1).Select(i => ConsolidationInputs.For(lake.Layout, SampleInputLake.First.AddDays(i))).ToList();
        var last = days[^1].Date;
        var news = lake.Layout.Partitions("news").Where(d => d <= last).SelectMany(d => lake.Layout.PartitionFiles("news", d)).ToList();
        connection.ExecuteNonQuery(ConsolidationQueries.CreateNews(news, "SPY"));
        connection.ExecuteNonQuery(ConsolidationQueries.CreateStarts(days, "SPY"));

        Assert.True(connection.ExecuteScalar<bool>(ConsolidationQueries.StartsOnMinutes));
        var buckets = connection.ExecuteColumnar(ConsolidationQueries.Context(days, "SPY", onMinutes: true));
        var seconds = connection.ExecuteColumnar(ConsolidationQueries.Context(days, "SPY", onMinutes: false));

        Assert.Equal(days.Select(d => d.Date), buckets.GetColumn<DateOnly>("day").Distinct());
        Assert.True(buckets.RowCount > 300 * days.Count, $"only {buckets.RowCount} starts");
        Assert.True(buckets.GetNullMask("spot").Count(n => !n) > buckets.RowCount * 9 / 10, "most starts have no spot: the comparison proves little");
        Assert.Equal(seconds.RowCount, buckets.RowCount);
        Assert.Equal(seconds.GetColumn<DateOnly>("day"), buckets.GetColumn<DateOnly>("day"));
        Assert.Equal(seconds.GetColumn<long>("ts_us"), buckets.GetColumn<long>("ts_us"));
        Assert.Equal(seconds.GetNullMask("spot"), buckets.GetNullMask("spot"));
        Assert.Equal(seconds.GetColumn<double>("spot"), buckets.GetColumn<double>("spot"));
        Assert.Equal(seconds.GetNullMask("vix"), buckets.GetNullMask("vix"));
        Assert.Equal(seconds.GetColumn<double>("vix"), buckets.GetColumn<double>("vix"));
        Assert.Equal(seconds.GetStrings("news_id"), buckets.GetStrings("news_id"));
        Assert.Equal(seconds.GetStrings("news_sentiment"), buckets.GetStrings("news_sentiment"));

        // And the run's own read takes the bucket join, to the same spots.
        var context = RangeContext.Read(connection, days, "SPY");
        Assert.Equal(buckets.GetColumn<long>("ts_us"), context.Starts);
        Assert.Equal(buckets.GetColumn<double>("spot"), context.Spot);
    }

    [Fact]
    public void A_start_off_the_minute_takes_the_close_of_the_last_second_bar_starting_before_start_plus_60_s()
    {
        // Second bars (offset after 09:30:00 New York, close) and the expected spot of each option bar start, by hand.
        (TimeSpan, double)[] seconds =
        [
            (S(0), 100), (S(29), 101), (S(59.5), 102), (S(60), 103), (S(89), 104),
            (TimeSpan.FromTicks(899_999_990), 105), // 09:31:29.999999
            (S(90), 106), (S(149), 107), (S(150), 108),
        ];
        (TimeSpan Start, double Spot)[] expected =
        [
            (S(-10), 101), // before 09:30:50: 09:30:29
            (S(0), 102),   // before 09:31:00: 09:30:59.5 (a whole-minute start in the same run)
            (S(30), 105),  // before 09:31:30: 09:31:29.999999; the minute buckets would give 09:30's last, 102
            (S(90), 107),  // before 09:32:30: 09:32:29; 09:32:30 itself is not taken
            (S(120), 108), // before 09:33:00: 09:32:30
        ];
        using var lake = new ConsolidationTestLake();
        WriteOptionBarsAt(lake, Monday, Call, expected.Select(e => e.Start).ToArray());
        lake.WriteSpot(Monday, seconds);
        var days = new[] { ConsolidationInputs.For(lake.Layout, Monday) };
        using (var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default))
        {
            writer.Connection.ExecuteNonQuery(ConsolidationQueries.CreateStarts(days, "SPY"));
            Assert.False(writer.Connection.ExecuteScalar<bool>(ConsolidationQueries.StartsOnMinutes));
            // The case bites: the minute-bucket join, exact only on whole minutes, gives other spots here.
            writer.Connection.ExecuteNonQuery(ConsolidationQueries.CreateNews([], "SPY"));
            var buckets = writer.Connection.ExecuteColumnar(ConsolidationQueries.Context(days, "SPY", onMinutes: true));
            Assert.NotEqual(expected.Select(e => e.Spot), buckets.GetColumn<double>("spot"));
        }

        lake.Consolidate(Monday, Monday);

        var minutes = lake.Minutes(Call);
        Assert.Equal(expected.Select(e => At(Monday, e.Start).UtcDateTime), minutes.GetTimestamps("ts"));
        Assert.Equal(expected.Select(e => e.Spot), minutes.GetColumn<double>("spot"));
        Assert.DoesNotContain(true, minutes.GetNullMask("spot"));
    }

    public enum TuesdaySeconds
    {
        /// <summary>No <c>stock_bars_1s</c> partition for Tuesday.</summary>
        NoPartition,

        /// <summary>A partition holding another ticker's second bars only.</summary>
        AnotherTickersOnly,
    }

    [Theory]
    [InlineData(TuesdaySeconds.NoPartition, true)]
    [InlineData(TuesdaySeconds.NoPartition, false)]
    [InlineData(TuesdaySeconds.AnotherTickersOnly, true)]
    [InlineData(TuesdaySeconds.AnotherTickersOnly, false)]
    public void A_date_without_second_bars_has_no_spot_even_after_a_date_with_them_in_the_same_run(TuesdaySeconds tuesday, bool wholeMinutes)
    {
        using var lake = new ConsolidationTestLake();
        // Monday's bars: a start off the minute makes the run take the per-second join.
        WriteOptionBarsAt(lake, Monday, Call, wholeMinutes ? [S(0), S(60)] : [S(0), S(90)]);
        lake.WriteSpot(Monday, (S(0), 580.0), (TimeSpan.FromHours(6.5) - S(1), 585.0)); // the last at 15:59:59
        lake.WriteOptionBars(Tuesday, Call, new Bar(0, 5.00), new Bar(1, 5.50));
        if (tuesday == TuesdaySeconds.AnotherTickersOnly) WriteSecondBars(lake, Tuesday, "QQQ", (S(0), 500.0), (S(30), 501.0));

        lake.Consolidate(Monday, Tuesday);

        var minutes = lake.Minutes(Call);
        var days = minutes.GetTimestamps("ts").Select(ts => NewYorkTime.LocalDate(new DateTimeOffset(ts, TimeSpan.Zero))).ToArray();
        Assert.Equal([Monday, Monday, Tuesday, Tuesday], days);
        for (var i = 0; i < minutes.RowCount; i++)
        {
            var monday = days[i] == Monday;
            Assert.Equal(!monday, minutes.GetNullMask("spot")[i]);
            Assert.Equal(!monday, minutes.GetNullMask("moneyness")[i]);
            Assert.Equal(monday, minutes.GetStrings("iv_status")[i] != "no_spot");
        }
    }

    [Fact]
    public void A_run_without_any_second_bars_has_no_spot()
    {
        using var lake = new ConsolidationTestLake();
        lake.WriteOptionBars(Tuesday, Call, new Bar(0, 5.00), new Bar(1, 5.50));

        lake.Consolidate(Tuesday, Tuesday);

        var minutes = lake.Minutes(Call);
        Assert.Equal(2, minutes.RowCount);
        Assert.Equal([true, true], minutes.GetNullMask("spot"));
        Assert.Equal("no_spot,no_spot", string.Join(",", minutes.GetStrings("iv_status")));
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Option bars of <paramref name="ticker"/> starting at the given offsets after 09:30 New York (any second), close 5.</summary>
    private static void WriteOptionBarsAt(ConsolidationTestLake lake, DateOnly day, string ticker, TimeSpan[] starts)
    {
        var contract = OptionTicker.Parse(ticker);
        using var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default);
        writer.ReplacePartition("option_bars_1m", day, LakeSource.FromAppender(appender =>
        {
            foreach (var start in starts)
            {
                appender.CreateRow()
                    .AppendValue(ticker).AppendValue(contract.Underlying).AppendValue(contract.Expiry)
                    .AppendValue(contract.Right == OptionRight.Put ? "P" : "C").AppendValue((double)contract.Strike)
                    .AppendValue(At(day, start)).AppendValue(5.0).AppendValue(5.0).AppendValue(5.0).AppendValue(5.0).AppendValue(10L)
                    .AppendValue((double?)null).AppendValue((long?)null)
                    .EndRow();
            }
        }));
    }

    /// <summary>Second bars of <paramref name="ticker"/> at the given offsets after 09:30 New York.</summary>
    private static void WriteSecondBars(ConsolidationTestLake lake, DateOnly day, string ticker, params (TimeSpan Offset, double Close)[] bars)
    {
        using var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default);
        writer.ReplacePartition("stock_bars_1s", day, LakeSource.FromAppender(appender =>
        {
            foreach (var (offset, close) in bars)
            {
                appender.CreateRow().AppendValue(ticker).AppendValue(At(day, offset)).AppendValue(close).AppendValue(close).AppendValue(close)
                    .AppendValue(close).AppendValue(100.0).AppendValue((double?)null).AppendValue((long?)null).EndRow();
            }
        }));
    }
}
