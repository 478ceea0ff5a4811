using Spx.Research.Consolidation;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// Which files <see cref="OptionBarsFile.Read"/> takes, and that the bars come out the same either way: a file whose
/// physical layout is not the lake's is refused (null) and read through DuckDB, which casts it to the schema; a file in
/// the layout but laid out differently inside (column order, row groups, NULLs in vwap and trades) is read directly,
/// with the same result as DuckDB's.
/// </summary>
public sealed class DayBarsReaderLayoutTests
{
    private static readonly DateOnly Day = SampleInputLake.First;

    private const string SomeNullVwapAndTrades =
        "SELECT * REPLACE (CASE WHEN epoch_us(ts) // 60000000 % 7 = 0 THEN NULL ELSE vwap END AS vwap, " +
        "CASE WHEN epoch_us(ts) // 60000000 % 5 = 0 THEN NULL ELSE trades END AS trades) FROM bars";

    public static TheoryData<string, string> OtherLayouts() => new()
    {
        { "volume stored as DOUBLE", "SELECT * REPLACE (CAST(volume AS DOUBLE) AS volume) FROM bars" },
        { "trades stored as INTEGER", "SELECT * REPLACE (CAST(trades AS INTEGER) AS trades) FROM bars" },
        { "ts stored as TIMESTAMP without time zone", "SELECT * REPLACE (CAST(ts AS TIMESTAMP) AS ts) FROM bars" },
        { "strike stored as DECIMAL", "SELECT * REPLACE (CAST(strike AS DECIMAL(9, 3)) AS strike) FROM bars" },
        { "expiry stored as VARCHAR", "SELECT * REPLACE (CAST(expiry AS VARCHAR) AS expiry) FROM bars" },
    };

    [Theory]
    [MemberData(nameof(OtherLayouts))]
    public void A_file_in_another_layout_is_refused_by_the_direct_read_and_gives_the_same_bars_through_duckdb(string layout, string select)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var other = files.Write(sample, "other", select);

        Assert.True(OptionBarsFile.Read(other, new DayArrays()) is null, $"{layout}: read directly");
        var expected = files.Read(Day, sample);
        DayBarsAssert.Substantial(expected);
        DayBarsAssert.Same(expected, files.Read(Day, other));
    }

    [Theory]
    [InlineData("vwap")]
    [InlineData("trades")]
    [InlineData("close")]
    public void A_file_missing_a_column_is_refused_by_the_direct_read(string column)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));

        var missing = files.Write(sample, "missing", $"SELECT * EXCLUDE ({column}) FROM bars");

        Assert.Null(OptionBarsFile.Read(missing, new DayArrays()));
    }

    public static TheoryData<string, string, string> SameLayouts() => new()
    {
        { "columns in another order", "SELECT trades, vwap, volume, close, low, high, open, ts, strike, option_right, expiry, underlying, ticker FROM bars", "" },
        { "an extra column", "SELECT *, 'x' AS note FROM bars", "" },
        { "row groups of 5,000 rows", "SELECT * FROM bars", ", ROW_GROUP_SIZE 5000" },
        { "vwap and trades NULL on some bars", SomeNullVwapAndTrades, "" },
    };

    [Theory]
    [MemberData(nameof(SameLayouts))]
    public void A_file_in_the_lakes_layout_is_read_directly_with_the_bars_duckdb_reads(string layout, string select, string copyOptions)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var same = files.Write(sample, "same", select, copyOptions);

        Assert.True(OptionBarsFile.Read(same, new DayArrays()) is not null, $"{layout}: refused by the direct read");
        var throughDuckDb = files.ReadThroughDuckDb(Day, same);
        DayBarsAssert.Substantial(throughDuckDb);
        DayBarsAssert.Same(throughDuckDb, files.Read(Day, same));
    }

    [Fact]
    public void The_null_vwap_and_trades_case_has_both_nulls_and_values()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var bars = files.Read(Day, files.Write(sample, "nulls", SomeNullVwapAndTrades));

        Assert.Contains(true, bars.VwapNull);
        Assert.Contains(false, bars.VwapNull);
        Assert.Contains(true, bars.TradesNull);
        Assert.Contains(false, bars.TradesNull);
    }

    // Regression: a REQUIRED vwap/trades (no definition levels stored) was once read as all NULL by the direct read.
    [Fact]
    public void A_file_with_vwap_and_trades_declared_required_is_read_directly_with_their_values()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var required = RequiredColumnsBarsFile.Write(files.Connection, sample, Path.Combine(files.Folder, "required.parquet"));

        Assert.NotNull(OptionBarsFile.Read(required, new DayArrays()));
        var throughDuckDb = files.ReadThroughDuckDb(Day, required);
        DayBarsAssert.Substantial(throughDuckDb);
        Assert.DoesNotContain(true, throughDuckDb.VwapNull);
        DayBarsAssert.Same(throughDuckDb, files.Read(Day, required));
    }
}
