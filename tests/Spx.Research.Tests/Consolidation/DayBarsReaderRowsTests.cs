using Spx.Research.Consolidation;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// The rows <see cref="DayBarsReader"/> takes from a lake-layout file: out of <c>(ticker, ts)</c> order the direct read
/// gives up and DuckDB sorts, to the same bars; another underlying's rows are skipped wherever they sit, so SPY's bars
/// are exactly those of the file without them. Each case is read both ways.
/// </summary>
public sealed class DayBarsReaderRowsTests
{
    private static readonly DateOnly Day = SampleInputLake.First;

    // The first SPY ticker of the sample day and its last bar, for the cases that move one ticker's bars.
    internal const string FirstTicker = "(SELECT min(ticker) FROM bars WHERE underlying = 'SPY')";
    private const string ItsLastBar = $"(SELECT max(ts) FROM bars WHERE ticker = {FirstTicker})";
    private const string SecondTicker = $"(SELECT min(ticker) FROM bars WHERE underlying = 'SPY' AND ticker > {FirstTicker})";

    public static TheoryData<string, string> OutOfOrder() => new()
    {
        { "time descending", "SELECT * FROM bars ORDER BY ts DESC, ticker DESC" },
        { "tickers descending", "SELECT * FROM bars ORDER BY ticker DESC, ts" },
        { "one ticker's last bar among the next ticker's", $"SELECT * FROM bars ORDER BY CASE WHEN ticker = {FirstTicker} AND ts = {ItsLastBar} THEN {SecondTicker} ELSE ticker END, ts" },
    };

    [Theory]
    [MemberData(nameof(OutOfOrder))]
    public void A_file_out_of_key_order_gives_the_bars_of_the_sorted_one(string order, string select)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var shuffled = files.Write(sample, "shuffled", select);

        Assert.True(OptionBarsFile.Read(shuffled, new DayArrays()) is not null, $"{order}: not in the lake's layout, so the direct read was not tried");
        var expected = files.Read(Day, sample);
        DayBarsAssert.Substantial(expected);
        DayBarsAssert.Same(expected, files.Read(Day, shuffled));
        DayBarsAssert.Same(expected, files.ReadThroughDuckDb(Day, shuffled));
    }

    internal const string OneTickerInDescendingTime =
        $"SELECT * FROM bars ORDER BY ticker, CASE WHEN ticker = {FirstTicker} THEN -epoch_us(ts) ELSE epoch_us(ts) END";

    // Regression: within one Arrow batch the DuckDB read compared a bar's time with 0, so descending times passed as stored.
    [Fact]
    public void A_file_with_one_tickers_bars_in_descending_time_gives_the_bars_of_the_sorted_one()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var shuffled = files.Write(sample, "shuffled", OneTickerInDescendingTime);

        var expected = files.Read(Day, sample);
        DayBarsAssert.Substantial(expected);
        DayBarsAssert.Same(expected, files.Read(Day, shuffled));
    }

    public static TheoryData<string, string> OtherUnderlyings() => new()
    {
        { "none (SPY's rows only)", "SELECT * FROM bars WHERE underlying = 'SPY' ORDER BY ticker, ts" },
        {
            "a QQQ copy of every bar",
            "SELECT * FROM bars UNION ALL SELECT * REPLACE ('O:QQQ' || ticker[6:] AS ticker, 'QQQ' AS underlying) FROM bars WHERE underlying = 'SPY' ORDER BY ticker, ts"
        },
        {
            "another underlying's bars, with other terms, between a SPY ticker's bars",
            "SELECT * FROM bars UNION ALL SELECT * REPLACE ('QQQ' AS underlying, strike + 1 AS strike, ts + INTERVAL 30 SECOND AS ts) FROM bars WHERE underlying = 'SPY' ORDER BY ticker, ts"
        },
        {
            "another underlying's bars out of time order after SPY's",
            "SELECT * FROM bars ORDER BY underlying <> 'SPY', CASE WHEN underlying = 'SPY' THEN ticker END, CASE WHEN underlying = 'SPY' THEN epoch_us(ts) ELSE -epoch_us(ts) END"
        },
        {
            "a NULL close on another underlying's bar",
            "SELECT * REPLACE (CASE WHEN underlying <> 'SPY' AND ts = (SELECT min(ts) FROM bars) THEN NULL ELSE close END AS close) FROM bars ORDER BY ticker, ts"
        },
    };

    [Theory]
    [MemberData(nameof(OtherUnderlyings))]
    public void Another_underlyings_rows_in_the_file_leave_spys_bars_as_they_are(string others, string select)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var mixed = files.Write(sample, "mixed", select);

        var expected = files.Read(Day, sample);
        DayBarsAssert.Substantial(expected);
        Assert.All(expected.Tickers, t => Assert.Equal("SPY", t.Underlying));
        DayBarsAssert.Same(expected, files.Read(Day, mixed));
        DayBarsAssert.Same(expected, files.ReadThroughDuckDb(Day, mixed));
        Assert.True(OptionBarsFile.Read(mixed, new DayArrays()) is not null || others.Contains("NULL", StringComparison.Ordinal), $"{others}: not read directly");
    }

    [Fact]
    public void The_sample_day_holds_another_underlyings_rows_the_reader_skips()
    {
        using var lake = new SampleInputLake();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));

        var file = OptionBarsFile.Read(sample, new DayArrays())!;

        Assert.True(file.Underlying.Values.Count >= 2, "the sample day holds SPY's options only: the skip is not exercised by it");
    }
}
