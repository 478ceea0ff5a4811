using Spx.Research.Lake;

namespace Spx.Research.Tests.Synthetic;

/// <summary>The generated lake has every dataset, with the shapes real ingestion produces.</summary>
public sealed class SyntheticMarketShapeTests(SyntheticLakeFixture lake) : IClassFixture<SyntheticLakeFixture>
{
    private readonly LakeSession _lake = lake.Session;

    [Fact]
    public void Every_foundation_dataset_has_a_partition_per_session()
    {
        var info = _lake.Info().ToDictionary(i => i.Dataset);
        foreach (var schema in FoundationDatasets.All)
        {
            Assert.True(info.ContainsKey(schema.Name), $"{schema.Name} missing");
            Assert.True(info[schema.Name].Rows > 0, $"{schema.Name} is empty");
        }

        Assert.All(["stock_bars_1s", "stock_bars_1m", "index_bars_1m", "option_bars_1m", "option_contracts", "chain_snapshots", "news"],
            name => Assert.Equal(5, info[name].Partitions));
        Assert.Equal(lake.Rows, info.Values.Sum(i => i.Rows));
    }

    [Fact]
    public void Spy_has_a_bar_every_second_of_regular_hours_and_minute_bars_add_up()
    {
        Assert.Equal(5 * 23_400L, _lake.Scalar<long>("SELECT count(*) FROM stock_bars_1s"));
        Assert.Equal(0L, _lake.Scalar<long>("""
            SELECT count(*) FROM stock_bars_1s
            WHERE ts < date::TIMESTAMP + INTERVAL 14 HOUR + INTERVAL 30 MINUTE OR ts >= date::TIMESTAMP + INTERVAL 21 HOUR
            """)); // 09:30–16:00 EST is 14:30–21:00 UTC in early March
        var mismatches = _lake.Scalar<long>("""
            SELECT count(*) FROM stock_bars_1m m
            JOIN (SELECT time_bucket(INTERVAL 1 MINUTE, ts) AS ts, sum(volume) AS volume, max(high) AS high, min(low) AS low,
                         arg_min(open, ts) AS open, arg_max(close, ts) AS close
                  FROM stock_bars_1s GROUP BY 1) s USING (ts)
            WHERE m.volume <> s.volume OR m.high <> s.high OR m.low <> s.low OR m.open <> s.open OR m.close <> s.close
            """);
        Assert.Equal(0L, mismatches);
    }

    [Fact]
    public void Bars_are_internally_consistent()
    {
        foreach (var dataset in new[] { "stock_bars_1s", "index_bars_1m", "option_bars_1m" })
        {
            var bad = _lake.Scalar<long>($"SELECT count(*) FROM {dataset} WHERE NOT (low <= least(open, close) AND high >= greatest(open, close) AND low > 0)");
            Assert.True(bad == 0, $"{dataset}: {bad} bars with low/high outside open/close or non-positive prices");
        }

        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM option_bars_1m WHERE volume <= 0 OR trades <= 0 OR vwap < low OR vwap > high"));
    }

    [Fact]
    public void Spy_tracks_a_tenth_of_spx()
    {
        var worst = _lake.Scalar<double>("""
            SELECT max(abs(s.close / x.close * 10 - 0.997)) FROM stock_bars_1m s JOIN index_bars_1m x USING (ts) WHERE x.ticker = 'I:SPX'
            """);
        Assert.InRange(worst, 0, 0.003);
    }

    [Fact]
    public void Option_tickers_match_their_terms()
    {
        var bad = _lake.Scalar<long>("""
            SELECT count(*) FROM (SELECT *, regexp_extract(ticker, '^O:([A-Z]+)[0-9]', 1) AS root FROM option_contracts)
            WHERE ticker <> 'O:' || root || strftime(expiry, '%y%m%d') || option_right || lpad(CAST(CAST(strike * 1000 AS BIGINT) AS VARCHAR), 8, '0')
               OR (root = 'SPX') <> (underlying = 'SPX' AND dayofweek(expiry) = 5 AND day(expiry) BETWEEN 15 AND 21 AND root <> 'SPXW')
               OR root NOT IN ('SPX', 'SPXW', 'SPY')
            """);
        Assert.Equal(0L, bad);
        Assert.True(_lake.Scalar<long>("SELECT count(*) FROM option_contracts WHERE ticker LIKE 'O:SPX2%'") > 0, "no SPX monthlies listed");
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM option_contracts WHERE underlying = 'SPX' AND strike % 5 <> 0"));
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM option_contracts WHERE underlying = 'SPY' AND strike % 1 <> 0"));
    }

    [Fact]
    public void Snapshots_come_every_15_minutes_with_volume_delta_adding_up()
    {
        var perDay = _lake.Scalar<long>("SELECT max(n) FROM (SELECT count(DISTINCT snapshot_ts) AS n FROM chain_snapshots GROUP BY date)");
        Assert.Equal(26L, perDay); // 09:45 … 16:00
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM chain_snapshots WHERE minute(snapshot_ts) % 15 <> 0 OR second(snapshot_ts) <> 0"));
        var broken = _lake.Scalar<long>("""
            SELECT count(*) FROM (
              SELECT day_volume, volume_delta, lag(day_volume, 1, 0) OVER (PARTITION BY ticker, date ORDER BY snapshot_ts) AS previous
              FROM chain_snapshots)
            WHERE volume_delta <> day_volume - previous OR volume_delta < 0
            """);
        Assert.Equal(0L, broken);
    }

    [Fact]
    public void Open_interest_is_fixed_within_a_day_and_moves_with_the_previous_days_volume()
    {
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM (SELECT ticker, date FROM chain_snapshots GROUP BY ALL HAVING count(DISTINCT open_interest) > 1)"));
        var rows = _lake.Query("""
            WITH daily AS (
              SELECT ticker, date, any_value(open_interest) AS oi, max(day_volume) AS volume FROM chain_snapshots GROUP BY ALL)
            SELECT count(*) FILTER (WHERE d.volume = 0 AND n.oi <> d.oi),
                   count(*) FILTER (WHERE d.volume > 0 AND n.oi <> d.oi),
                   count(*) FILTER (WHERE d.volume > 0)
            FROM daily d JOIN daily n ON n.ticker = d.ticker AND n.date = (SELECT min(date) FROM daily x WHERE x.date > d.date)
            """, r => { r.Read(); return (Unchanged: r.GetInt64(0), Moved: r.GetInt64(1), Traded: r.GetInt64(2)); });
        Assert.Equal(0L, rows.Unchanged); // no trading, no change
        Assert.True(rows.Moved > rows.Traded / 2, $"only {rows.Moved} of {rows.Traded} traded contracts changed open interest");
    }

    [Fact]
    public void News_has_tickers_sentiment_and_falls_on_its_partition_day()
    {
        Assert.True(_lake.Scalar<long>("SELECT count(*) FROM news") >= 5 * 3);
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM news WHERE len(tickers) = 0 OR sentiment NOT IN ('positive', 'negative', 'neutral')"));
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM news WHERE CAST(timezone('America/New_York', published_utc) AS DATE) <> date"));
    }
}
