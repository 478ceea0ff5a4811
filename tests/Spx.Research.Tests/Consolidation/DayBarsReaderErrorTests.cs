using Spx.Research.Consolidation;
using Spx.Research.Lake;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// A day's bars that consolidation cannot take stop it with one line naming the partition and the fault, the same
/// on the direct read as through DuckDB: a ticker stored with two sets of terms, a NULL in a column the lake's schema
/// requires.
/// </summary>
public sealed class DayBarsReaderErrorTests
{
    private static readonly DateOnly Day = SampleInputLake.First;
    private static readonly string Partition = $"option_bars_1m partition {LakeLayout.PartitionName(Day)}";

    // The second bar of the day's first SPY ticker.
    private const string SecondBarOfFirstTicker =
        "row_number() OVER (PARTITION BY ticker ORDER BY ts) = 2 AND ticker = (SELECT min(ticker) FROM bars WHERE underlying = 'SPY')";

    [Theory]
    [InlineData("strike", "strike + 1")]
    [InlineData("expiry", "expiry + 1")]
    [InlineData("option_right", "CASE option_right WHEN 'C' THEN 'P' ELSE 'C' END")]
    public void A_ticker_stored_with_two_sets_of_terms_is_named_on_both_reads(string column, string other)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var ticker = files.Read(Day, sample).Tickers[0].Ticker;
        var twoTerms = files.Write(sample, "two-terms",
            $"SELECT * REPLACE (CASE WHEN {SecondBarOfFirstTicker} THEN {other} ELSE {column} END AS {column}) FROM bars ORDER BY ticker, ts");
        var expected = $"{Partition}: ticker '{ticker}' is stored with different terms on different bars";

        // In layout and in key order: the direct read takes the file, so the error is its own.
        Assert.NotNull(OptionBarsFile.Read(twoTerms, new DayArrays()));
        Assert.Equal(expected, Assert.Throws<InvalidDataException>(() => files.Read(Day, twoTerms)).Message);
        Assert.Equal(expected, Assert.Throws<InvalidDataException>(() => files.ReadThroughDuckDb(Day, twoTerms)).Message);
    }

    [Theory]
    [InlineData("close")]
    [InlineData("open")]
    [InlineData("volume")]
    [InlineData("strike")]
    [InlineData("expiry")]
    [InlineData("option_right")]
    [InlineData("ticker")]
    [InlineData("ts")]
    public void A_null_in_a_required_column_is_one_line_naming_it_and_the_count(string column)
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        // The day's first three SPY bars: all in DuckDB's first batch, so the count is theirs.
        var nulls = files.Write(sample, "nulls",
            $"SELECT * REPLACE (CASE WHEN underlying = 'SPY' AND row_number() OVER (PARTITION BY underlying ORDER BY ticker, ts) <= 3 THEN NULL ELSE {column} END AS {column}) FROM bars ORDER BY ticker, ts");

        Assert.Null(OptionBarsFile.Read(nulls, new DayArrays()));
        var error = Assert.Throws<InvalidDataException>(() => files.Read(Day, nulls));
        Assert.Equal($"{Partition}: 3 bar(s) with a NULL {column}", error.Message);
    }

    [Fact]
    public void The_null_count_covers_every_batch_of_the_day()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var nulls = files.Write(sample, "all-nulls", "SELECT * REPLACE (NULL::DOUBLE AS close) FROM bars ORDER BY ticker, ts");
        var spyBars = files.Connection.ExecuteScalar<long>($"SELECT count(*) FROM read_parquet({SqlText.Literal(sample)}) WHERE underlying = 'SPY'");

        var error = Assert.Throws<InvalidDataException>(() => files.Read(Day, nulls));

        // DuckDB hands the day over in batches of a few thousand rows: the count must not be the first batch's alone.
        Assert.True(spyBars > 10_000, $"the sample day has only {spyBars} SPY bars");
        Assert.Equal($"{Partition}: {spyBars} bar(s) with a NULL close", error.Message);
    }

    [Fact]
    public void A_file_without_a_lake_column_is_one_line_naming_the_column_and_the_file()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var sample = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var noVwap = files.Write(sample, "no-vwap", "SELECT * EXCLUDE (vwap) FROM bars ORDER BY ticker, ts");

        Assert.Null(OptionBarsFile.Read(noVwap, new DayArrays()));
        var error = Assert.Throws<InvalidDataException>(() => files.Read(Day, noVwap));

        Assert.Equal($"{Partition}: column 'vwap' is missing from {noVwap}", error.Message);
    }

    [Fact]
    public void A_null_close_stops_the_consolidation_with_the_same_line_and_publishes_nothing()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var stored = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        var nulls = files.Write(stored, "nulls",
            "SELECT * REPLACE (CASE WHEN underlying = 'SPY' AND row_number() OVER (PARTITION BY underlying ORDER BY ticker, ts) <= 3 THEN NULL ELSE close END AS close) FROM bars ORDER BY ticker, ts");
        File.Copy(nulls, stored, overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => lake.Consolidate(workers: 1));

        Assert.Equal($"{Partition}: 3 bar(s) with a NULL close", error.Message);
    }

    [Fact]
    public void A_bars_file_without_a_lake_column_stops_the_consolidation_naming_it_and_publishes_nothing()
    {
        using var lake = new SampleInputLake();
        using var files = new BarsFiles();
        var stored = Assert.Single(lake.Layout.PartitionFiles("option_bars_1m", Day));
        File.Copy(files.Write(stored, "no-vwap", "SELECT * EXCLUDE (vwap) FROM bars ORDER BY ticker, ts"), stored, overwrite: true);

        var error = Assert.Throws<InvalidDataException>(() => lake.Consolidate(workers: 1));

        Assert.Equal($"{Partition}: column 'vwap' is missing from {stored}", error.Message);
        Assert.Empty(lake.Layout.Partitions("option_minutes"));
    }
}
