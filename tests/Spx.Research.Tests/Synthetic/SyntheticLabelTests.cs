using Spx.Research.Lake;
using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Synthetic;

/// <summary>Labels describe what is in the data: detectors will be scored against them.</summary>
public sealed class SyntheticLabelTests(SyntheticLakeFixture lake) : IClassFixture<SyntheticLakeFixture>
{
    private readonly LakeSession _lake = lake.Session;

    [Fact]
    public void The_scripted_hedging_episode_is_labelled_with_its_contracts_and_size()
    {
        var label = _lake.Query("SELECT kind, ticker, size, outcome, len(contracts), start_ts, end_ts FROM labels WHERE id = 'hedge-scripted'",
            r => { Assert.True(r.Read(), "no label for the scripted episode"); return (Kind: r.GetString(0), Ticker: r.GetString(1), Size: r.GetDouble(2), Outcome: r.GetString(3), Contracts: r.GetInt64(4)); });
        Assert.Equal((Label.HedgingEpisode, "I:SPX", 3000.0, "drawdown", 3L), label);
    }

    [Fact]
    public void Hedging_contracts_are_otm_puts_in_the_monitor_window_and_carry_the_labelled_volume()
    {
        var rows = _lake.Query("""
            WITH l AS (SELECT id, size, start_ts, end_ts, unnest(contracts) AS ticker FROM labels WHERE kind = 'hedging_episode'),
                 terms AS (SELECT DISTINCT ticker, option_right, strike, expiry FROM option_contracts),
                 spot AS (SELECT l.ticker, arg_min(x.open, x.ts) AS spx FROM l JOIN index_bars_1m x ON x.ticker = 'I:SPX' AND x.ts >= l.start_ts GROUP BY ALL),
                 traded AS (SELECT l.id, CAST(sum(b.volume) AS DOUBLE) AS volume FROM l JOIN option_bars_1m b ON b.ticker = l.ticker AND b.ts BETWEEN l.start_ts AND l.end_ts GROUP BY ALL)
            SELECT l.id, any_value(l.size), any_value(traded.volume),
                   bool_and(t.option_right = 'P'), min(t.strike / s.spx), max(t.strike / s.spx),
                   min(t.expiry - CAST(timezone('America/New_York', l.start_ts) AS DATE)), max(t.expiry - CAST(timezone('America/New_York', l.start_ts) AS DATE))
            FROM l JOIN terms t USING (ticker) JOIN spot s USING (ticker) LEFT JOIN traded USING (id)
            GROUP BY l.id
            """, r =>
        {
            var list = new List<(string Id, double Size, double Volume, bool Puts, double MinMoneyness, double MaxMoneyness, long MinDte, long MaxDte)>();
            while (r.Read())
                list.Add((r.GetString(0), r.GetDouble(1), r.IsDBNull(2) ? 0 : r.GetDouble(2), r.GetBoolean(3), r.GetDouble(4), r.GetDouble(5), r.GetInt64(6), r.GetInt64(7)));
            return list;
        });

        Assert.Contains(rows, e => e.Id == "hedge-scripted");
        Assert.All(rows, e =>
        {
            Assert.True(e.Puts, $"{e.Id}: not all puts");
            Assert.InRange(e.MinMoneyness, 0.78, 0.96);
            Assert.InRange(e.MaxMoneyness, 0.78, 0.96);
            Assert.InRange(e.MinDte, 15, 50);
            Assert.InRange(e.MaxDte, 15, 50);
            Assert.True(e.Volume >= e.Size, $"{e.Id}: {e.Volume} contracts traded in the window, label says {e.Size} were bought");
        });
    }

    [Fact]
    public void The_drawdown_after_the_scripted_episode_is_labelled_with_the_realised_fall()
    {
        var (size, start, end) = _lake.Query("SELECT size, start_ts, end_ts FROM labels WHERE id = 'drawdown-scripted'",
            r => { Assert.True(r.Read(), "no drawdown label"); return (r.GetDouble(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2)); });
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 14, 30, 0, TimeSpan.Zero), start); // two sessions after Tuesday's start, no lag
        var realised = _lake.Scalar<double>($"""
            SELECT 100 * ((SELECT arg_max(close, ts) FROM index_bars_1m WHERE ticker = 'I:SPX' AND ts < TIMESTAMPTZ '{end:O}')
                        / (SELECT arg_max(close, ts) FROM index_bars_1m WHERE ticker = 'I:SPX' AND ts < TIMESTAMPTZ '{start:O}') - 1)
            """);
        Assert.True(size < -2, $"drawdown label size {size}");
        Assert.Equal(size, realised, 0.05); // minute closes vs the daily path's close: within 0.05 percentage points
    }

    [Fact]
    public void Momentum_labels_match_the_spy_move_and_the_options_that_jumped()
    {
        var labels = _lake.Query("SELECT id, size, start_ts, end_ts, contracts FROM labels WHERE kind = 'spy_momentum' ORDER BY id", r =>
        {
            var list = new List<(string Id, double Size, DateTimeOffset Start, DateTimeOffset End, string?[] Contracts)>();
            while (r.Read()) list.Add((r.GetString(0), r.GetDouble(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<List<string>>(4).ToArray()));
            return list;
        });
        Assert.Equal(5, labels.Count); // the fixture asks for one every session
        // A label may list no contracts when the day's feed holds none near the money any more (the bar
        // universe is picked at the open); most must list some.
        Assert.True(labels.Count(l => l.Contracts.Length > 0) >= 3, "most momentum events should lift some listed contracts by 20%");

        foreach (var label in labels)
        {
            var move = _lake.Scalar<double>($"""
                SELECT 100 * ln((SELECT close FROM stock_bars_1s WHERE ts = TIMESTAMPTZ '{label.End:O}' - INTERVAL 1 SECOND)
                              / (SELECT open FROM stock_bars_1s WHERE ts = TIMESTAMPTZ '{label.Start:O}'))
                """);
            Assert.True(Math.Abs(move - label.Size) < 0.2, $"{label.Id}: SPY moved {move:F3}% in the window, label says {label.Size}%");
            if (label.Contracts.Length == 0) continue;

            var jumps = _lake.Scalar<long>($"""
                WITH before AS (SELECT ticker, arg_max(close, ts) AS price FROM option_bars_1m WHERE ts < TIMESTAMPTZ '{label.Start:O}' AND ts >= TIMESTAMPTZ '{label.Start:O}' - INTERVAL 30 MINUTE GROUP BY ALL),
                     after AS (SELECT ticker, max(close) AS price FROM option_bars_1m WHERE ts >= TIMESTAMPTZ '{label.Start:O}' AND ts < TIMESTAMPTZ '{label.End:O}' + INTERVAL 5 MINUTE GROUP BY ALL)
                SELECT count(*) FROM after JOIN before USING (ticker)
                WHERE ticker IN (SELECT unnest(contracts) FROM labels WHERE id = '{label.Id}') AND after.price >= 1.1 * before.price
                """);
            Assert.True(jumps >= label.Contracts.Length * 0.8, $"{label.Id}: {jumps} of {label.Contracts.Length} labelled contracts jumped");
        }
    }
}
