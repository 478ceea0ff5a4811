using Spx.Research.Consolidation;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// Whole consolidations of the sample dates whose first <c>option_bars_1m</c> file is replaced by a variant that holds
/// the same SPY bars (another layout, other underlyings, another order): each must write the same
/// <c>option_minutes</c> files, byte for byte, as the sample as it is.
/// </summary>
public sealed class DayBarsReaderConsolidationTests(DayBarsReaderConsolidationTests.Reference reference) : IClassFixture<DayBarsReaderConsolidationTests.Reference>
{
    /// <summary>The files the unchanged sample consolidates to, made once for the class.</summary>
    public sealed class Reference
    {
        public Reference()
        {
            using var lake = new SampleInputLake();
            lake.Consolidate(workers: 1);
            MinuteFiles = lake.MinuteFiles();
        }

        public IReadOnlyList<string> MinuteFiles { get; }
    }

    public static TheoryData<string, string> Variants() => new()
    {
        { "volume stored as DOUBLE", "SELECT * REPLACE (CAST(volume AS DOUBLE) AS volume) FROM bars" },
        { "ts stored as TIMESTAMP without time zone", "SELECT * REPLACE (CAST(ts AS TIMESTAMP) AS ts) FROM bars" },
        { "SPY's rows only", "SELECT * FROM bars WHERE underlying = 'SPY' ORDER BY ticker, ts" },
        {
            "a QQQ copy of every SPY bar",
            "SELECT * FROM bars UNION ALL SELECT * REPLACE ('O:QQQ' || ticker[6:] AS ticker, 'QQQ' AS underlying) FROM bars WHERE underlying = 'SPY' ORDER BY ticker, ts"
        },
        { "time descending", "SELECT * FROM bars ORDER BY ts DESC, ticker DESC" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_variant_of_the_same_spy_bars_consolidates_to_the_same_files(string variant, string select)
    {
        using var lake = new SampleInputLake();
        Replace(lake, select);

        var days = lake.Consolidate(workers: 1);

        Assert.Equal(2, days.Count);
        Assert.True(days.All(d => d.Rows > 10_000), $"{variant}: {string.Join(", ", days.Select(d => d.Rows))} rows");
        Assert.Equal(reference.MinuteFiles, lake.MinuteFiles());
    }

    // Regression: the DuckDB read once took one ticker's bars in descending time as stored (fixed with the check below).
    [Fact]
    public void One_tickers_bars_in_descending_time_consolidate_to_the_same_files()
    {
        using var lake = new SampleInputLake();
        Replace(lake, DayBarsReaderRowsTests.OneTickerInDescendingTime);

        lake.Consolidate(workers: 1);

        Assert.Equal(reference.MinuteFiles, lake.MinuteFiles());
    }

    /// <summary>Rewrites the first sample date's option bars file in place with the rows of <paramref name="select"/>.</summary>
    private static void Replace(SampleInputLake lake, string select)
    {
        using var files = new BarsFiles();
        var stored = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", SampleInputLake.First));
        File.Copy(files.Write(stored, "variant", select), stored, overwrite: true);
    }
}
