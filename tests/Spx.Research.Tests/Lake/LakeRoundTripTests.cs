using Spx.Research.Lake;

namespace Spx.Research.Tests.Lake;

public sealed class LakeRoundTripTests : IDisposable
{
    private readonly TempLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void Sql_rows_come_back_with_declared_types_and_a_DATE_partition_column()
    {
        using (var writer = _lake.Writer())
        {
            var result = writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(TempLake.Bars(0, 390)));
            Assert.Equal((390L, 390L, true), (result.Rows, result.NewRows, result.Changed));
            var file = Assert.Single(result.Files);
            Assert.Matches(@"stock_bars_1m[/\\]date=2024-01-02[/\\]part-[0-9a-f]{16}\.parquet$", file);
        }

        using var session = _lake.Session();
        var types = session.Query(
            "SELECT typeof(ticker), typeof(ts), typeof(open), typeof(volume), typeof(vwap), typeof(trades), typeof(date) FROM stock_bars_1m LIMIT 1",
            r => { r.Read(); return Enumerable.Range(0, r.FieldCount).Select(r.GetString).ToArray(); });
        Assert.Equal(["VARCHAR", "TIMESTAMP WITH TIME ZONE", "DOUBLE", "DOUBLE", "DOUBLE", "BIGINT", "DATE"], types);

        var first = session.Query(
            "SELECT ticker, ts, open, close, volume, vwap, trades, date FROM stock_bars_1m ORDER BY ts LIMIT 2",
            r =>
            {
                var rows = new List<object?[]>();
                while (r.Read()) rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : r.GetValue(i)).ToArray());
                return rows;
            });
        Assert.Equal("SPY", first[0][0]);
        Assert.Equal(new DateTime(2024, 1, 2, 14, 30, 0), (DateTime)first[0][1]!); // DuckDB.NET boxes TIMESTAMPTZ as its UTC DateTime
        Assert.Equal(470.0, first[0][2]);
        Assert.Equal(470.5, first[0][3]);
        Assert.Equal(1000.0, first[0][4]);
        Assert.Equal(470.25, first[0][5]);
        Assert.Equal(10L, first[0][6]);
        Assert.Equal(TempLake.Day, first[0][7]);
        Assert.Null(first[1][5]); // odd rows have no vwap
        Assert.Equal(390L, session.Scalar<long>("SELECT count(*) FROM stock_bars_1m WHERE date = DATE '2024-01-02'"));
    }

    [Fact]
    public void Appender_rows_and_list_columns_round_trip()
    {
        var published = new DateTimeOffset(2024, 1, 2, 21, 5, 0, TimeSpan.Zero); // 16:05 New York
        using (var writer = _lake.Writer())
        {
            writer.ReplacePartition("stock_bars_1s", TempLake.Day, LakeSource.FromAppender(appender =>
            {
                for (var i = 0; i < 3; i++)
                {
                    appender.CreateRow().AppendValue("QQQ").AppendValue(published.AddSeconds(i)).AppendValue(400.0 + i).AppendValue(401.0).AppendValue(399.0).AppendValue(400.5)
                        .AppendValue(1234.5).AppendNull().AppendNull().EndRow();
                }
            }));
            writer.ReplacePartition("news", TempLake.Day, LakeSource.FromSql(
                $"SELECT 'n1' AS id, TIMESTAMPTZ '2024-01-02 21:05:00+00' AS published_utc, ['SPY', 'QQQ'] AS tickers, 'Stocks rally' AS title, " +
                "NULL AS description, NULL AS article_url, 'Wire' AS publisher, NULL AS author, ['rally'] AS keywords, 'positive' AS sentiment, NULL AS sentiment_reasoning"));
        }

        using var session = _lake.Session();
        Assert.Equal(3L, session.Scalar<long>("SELECT count(*) FROM stock_bars_1s WHERE ticker = 'QQQ' AND vwap IS NULL"));
        Assert.Equal(published.AddSeconds(2), session.Scalar<DateTimeOffset>("SELECT max(ts) FROM stock_bars_1s"));
        Assert.Equal("VARCHAR[]", session.Scalar<string>("SELECT typeof(tickers) FROM news"));
        Assert.Equal("SPY,QQQ", session.Scalar<string>("SELECT array_to_string(tickers, ',') FROM news"));
        Assert.Equal("positive", session.Scalar<string>("SELECT sentiment FROM news WHERE list_contains(tickers, 'QQQ')"));
    }

    [Fact]
    public void Lossless_casts_are_accepted_and_applied()
    {
        // INTEGER volume, DECIMAL prices, a naive TIMESTAMP (read as UTC) and an INTEGER trades count.
        const string sql = """
            SELECT 'SPY' AS ticker, TIMESTAMP '2024-01-02 14:30:00' + to_minutes(i) AS ts,
                   470.5 AS open, 471.25 AS high, 469.5 AS low, 470.0 AS close, CAST(i AS INTEGER) AS volume,
                   NULL AS vwap, CAST(i AS INTEGER) AS trades
            FROM range(5) AS r(i)
            """;
        using (var writer = _lake.Writer())
            writer.ReplacePartition("stock_bars_1m", TempLake.Day, LakeSource.FromSql(sql));

        using var session = _lake.Session();
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero), session.Scalar<DateTimeOffset>("SELECT min(ts) FROM stock_bars_1m"));
        Assert.Equal("DOUBLE|DOUBLE|BIGINT|DOUBLE", session.Scalar<string>(
            "SELECT typeof(volume) || '|' || typeof(open) || '|' || typeof(trades) || '|' || typeof(vwap) FROM stock_bars_1m LIMIT 1"));
        Assert.Equal(471.25, session.Scalar<double>("SELECT max(high) FROM stock_bars_1m"));
    }
}
