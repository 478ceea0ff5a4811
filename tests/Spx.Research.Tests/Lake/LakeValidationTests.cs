using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

public sealed class LakeValidationTests : IDisposable
{
    private const string Bars = "stock_bars_1m";
    private readonly TempLake _lake = new();
    private readonly LakeWriter _writer;

    public LakeValidationTests()
    {
        _writer = _lake.Writer();
        _writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 20)));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _lake.Dispose();
    }

    public static TheoryData<string, string, string[]> Mismatches => new()
    {
        { $"SELECT * EXCLUDE (close) FROM ({TempLake.Bars(0, 5)})", "close", ["missing"] },
        { $"SELECT *, 'x' AS exchange FROM ({TempLake.Bars(0, 5)})", "exchange", ["does not declare"] },
        { $"SELECT *, DATE '2024-01-02' AS date FROM ({TempLake.Bars(0, 5)})", "date", ["partition"] },
        { $"SELECT * REPLACE ([1.0::DOUBLE, 2.0] AS close) FROM ({TempLake.Bars(0, 5)})", "close", ["DOUBLE[]", "5 of 5"] },
        { $"SELECT * EXCLUDE (i) REPLACE (CASE WHEN i = 3 THEN 'n/a' ELSE '1.5' END AS close) FROM ({TempLake.Bars(0, 5)}) JOIN range(5) AS r(i) ON ts = TIMESTAMPTZ '2024-01-02 14:30:00+00' + to_minutes(i)",
            "close", ["1 of 5", "input row 4", "n/a", "VARCHAR"] },
        { $"SELECT * REPLACE (CASE WHEN trades > 12 THEN NULL ELSE close END AS close) FROM ({TempLake.Bars(0, 5)})",
            "close", ["2 NULL", "NOT NULL", "ticker=SPY", "ts=2024-01-02 14:33:00+00"] },
        { $"SELECT * REPLACE (trades + 0.5 AS trades) FROM ({TempLake.Bars(0, 5)})", "trades", ["5 of 5", "without loss", "10.5"] },
        { $"SELECT * REPLACE (ts + INTERVAL 15 HOUR AS ts) FROM ({TempLake.Bars(0, 5)})", "ts", ["New York", "2024-01-03 05:30:00+00"] },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void A_mismatch_names_dataset_and_column_and_leaves_the_partition_untouched(string sql, string column, string[] details)
    {
        var before = _lake.Snapshot(Bars);

        foreach (var write in new Func<LakeWriteResult>[]
                 {
                     () => _writer.ReplacePartition(Bars, TempLake.Day, LakeSource.FromSql(sql)),
                     () => _writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromSql(sql)),
                 })
        {
            var error = Assert.Throws<LakeSchemaException>(write);

            Assert.Equal(Bars, error.Dataset);
            Assert.Equal(column, error.Column);
            Assert.Contains($"'{Bars}'", error.Message);
            Assert.Contains($"'{column}'", error.Message);
            Assert.Contains("date=2024-01-02", error.Message);
            foreach (var detail in details) Assert.Contains(detail, error.Message);
        }

        var after = _lake.Snapshot(Bars);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        Assert.False(Directory.Exists(Path.Combine(_lake.Root, LakeLayout.QuarantineFolder)));
    }

    [Theory]
    [InlineData("2024-01-02", "2024-01-02 05:00:00+00", true)] // New York midnight (EST)
    [InlineData("2024-01-02", "2024-01-02 04:59:59+00", false)]
    [InlineData("2024-01-02", "2024-01-03 04:59:59.999999+00", true)]
    [InlineData("2024-01-02", "2024-01-03 05:00:00+00", false)]
    [InlineData("2024-07-01", "2024-07-01 04:00:00+00", true)] // EDT
    [InlineData("2024-07-01", "2024-07-01 03:59:59+00", false)]
    [InlineData("2024-03-10", "2024-03-10 05:00:00+00", true)] // spring forward: a 23-hour day
    [InlineData("2024-03-10", "2024-03-11 03:59:59+00", true)]
    [InlineData("2024-03-10", "2024-03-11 04:00:00+00", false)]
    public void Rows_must_fall_on_the_partitions_New_York_date(string day, string ts, bool accepted)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var source = LakeSource.FromSql(
            $"SELECT 'I:SPX' AS ticker, TIMESTAMPTZ '{ts}' AS ts, 1.0 AS open, 1.0 AS high, 1.0 AS low, 1.0 AS close");

        var write = () => _writer.ReplacePartition("index_bars_1m", date, source);

        if (accepted) Assert.Equal(1, write().Rows);
        else Assert.Equal("ts", Assert.Throws<LakeSchemaException>(write).Column);
    }

    [Fact]
    public void Appender_nulls_are_reported_like_sql_nulls()
    {
        var error = Assert.Throws<LakeSchemaException>(() => _writer.AppendToPartition(Bars, TempLake.Day, LakeSource.FromAppender(a =>
            a.CreateRow().AppendValue("SPY").AppendValue(new DateTimeOffset(2024, 1, 2, 15, 0, 0, TimeSpan.Zero))
                .AppendNull().AppendValue(1.0).AppendValue(1.0).AppendValue(1.0).AppendValue(1.0).AppendNull().AppendNull().EndRow())));

        Assert.Equal("open", error.Column);
        Assert.Contains("1 NULL", error.Message);
    }

    [Fact]
    public void Schemas_reject_inconsistent_declarations()
    {
        Assert.Throws<ArgumentException>(() => new DatasetSchema("x", "", [DatasetColumn.Optional("id", "BIGINT")], ["id"]));
        Assert.Throws<ArgumentException>(() => new DatasetSchema("x", "", [DatasetColumn.Required("id", "BIGINT")], ["nope"]));
        Assert.Throws<ArgumentException>(() => new DatasetSchema("x", "", [DatasetColumn.Required("date", "DATE")], ["date"]));
        Assert.Throws<ArgumentException>(() => new DatasetSchema("x", "", [DatasetColumn.Required("id", "BIGINT")], ["id"], sessionDateColumn: "id"));
        Assert.Throws<ArgumentException>(() => new DatasetSchema("Bad-Name", "", [DatasetColumn.Required("id", "BIGINT")], ["id"]));
        Assert.Throws<ArgumentException>(() => DatasetColumn.Required("Close", "DOUBLE"));
    }

    [Fact]
    public void The_registry_is_immutable_and_extensible()
    {
        var extra = new DatasetSchema("greeks_1m", "test", [DatasetColumn.Required("ticker", "VARCHAR")], ["ticker"]);

        var extended = DatasetRegistry.Default.Register(extra);

        Assert.False(DatasetRegistry.Default.Contains("greeks_1m"));
        Assert.Same(extra, extended["greeks_1m"]);
        Assert.Equal(DatasetRegistry.Default.Datasets.Count + 1, extended.Datasets.Count);
        Assert.Throws<ArgumentException>(() => extended.Register(extra));
        var unknown = Assert.Throws<KeyNotFoundException>(() => DatasetRegistry.Default["nope"]);
        Assert.Contains("stock_bars_1m", unknown.Message);
        Assert.Equal(
            ["stock_bars_1s", "stock_bars_1m", "index_bars_1m", "option_bars_1m", "option_contracts", "chain_snapshots", "news", "labels",
             "monitor_polls", "monitor_daily", "alerts", "option_selection", "momentum_events",
             "stock_bars_1s_late", "stock_bars_1m_late", "index_bars_1m_late", "option_bars_1m_late",
             "option_minutes", "option_forward_returns"],
            DatasetRegistry.Default.Datasets.Select(d => d.Name));
    }
}
