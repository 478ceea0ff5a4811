using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// <see cref="DayBarsReader"/>'s two ways in, on each sample date: a partition of one lake-layout file is read straight
/// through ParquetSharp (<see cref="OptionBarsFile"/>); the same rows split into two files go through DuckDB (a
/// partition of two files rules the direct read out, so no reflection is needed). Both must give the same
/// <see cref="DayBars"/>, array for array.
/// </summary>
public sealed class DayBarsReaderPathTests
{
    public enum Split
    {
        /// <summary>Tickers before the middle one, then the rest: DuckDB's stored-order read.</summary>
        InKeyOrder,

        /// <summary>The same two files listed the other way round: out of order, so DuckDB's sorted read.</summary>
        SecondHalfFirst,

        /// <summary>Cut between two bars of one ticker, whose block then runs across the files.</summary>
        InsideATicker,
    }

    public static TheoryData<string, Split> Cases()
    {
        var cases = new TheoryData<string, Split>();
        foreach (var date in new[] { SampleInputLake.First, SampleInputLake.Last })
        foreach (var split in Enum.GetValues<Split>())
            cases.Add(date.ToString("yyyy-MM-dd"), split);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_direct_read_and_the_duckdb_read_give_the_same_bars(string day, Split split)
    {
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd");
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", date));
        Assert.NotNull(OptionBarsFile.Read(sample, new DayArrays())); // the sample file is in the lake's layout: the direct read takes it

        var direct = files.Read(date, sample);
        DayBarsAssert.Substantial(direct);
        var middle = direct.Tickers[direct.Tickers.Count / 2];
        var cut = split == Split.InsideATicker
            ? $"(ticker, epoch_us(ts)) < ({SqlText.Literal(middle.Ticker)}, {direct.Ts[middle.First + middle.Bars / 2]})"
            : $"ticker < {SqlText.Literal(middle.Ticker)}";
        Assert.True(middle.Bars >= 2, $"{middle.Ticker} has {middle.Bars} bar(s): nothing to cut inside");
        var first = files.Write(sample, "first", $"SELECT * FROM bars WHERE {cut} ORDER BY ticker, ts");
        var second = files.Write(sample, "second", $"SELECT * FROM bars WHERE NOT ({cut}) ORDER BY ticker, ts");

        var throughDuckDb = split == Split.SecondHalfFirst ? files.Read(date, second, first) : files.Read(date, first, second);

        DayBarsAssert.Same(direct, throughDuckDb);
    }
}
