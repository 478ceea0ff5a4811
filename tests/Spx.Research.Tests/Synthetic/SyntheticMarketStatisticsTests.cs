using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Synthetic;

namespace Spx.Research.Tests.Synthetic;

/// <summary>
/// Statistical sanity: the synthetic market should look like SPX. Ranges come from SPX history
/// 1990–2024: annualised daily-return volatility mostly 10–25% by year (long-run ~18%), VIX averaging
/// 19.5 with most days 12–30, daily VIX and SPX changes strongly negatively correlated (about −0.7),
/// intraday volume and volatility U-shaped.
/// </summary>
public sealed class SyntheticMarketStatisticsTests(SyntheticLakeFixture lake) : IClassFixture<SyntheticLakeFixture>
{
    private readonly LakeSession _lake = lake.Session;

    [Fact]
    public void Ten_years_of_daily_closes_have_realistic_volatility_vix_and_leverage()
    {
        var model = MarketModel.Default;
        var events = new EventSchedule(42, EventSettings.Default);
        var from = new DateOnly(2015, 1, 2);
        var to = new DateOnly(2024, 12, 31);
        var daily = new DailyPath(model, events, NyseCalendar.Default, 42, to);
        var outlines = NyseCalendar.Default.Sessions(from, to).Select(s => daily[s.Date]).ToList();

        var returns = outlines.Select(o => Math.Log(o.Close / o.PreviousClose)).ToArray();
        var vix = outlines.Select(o => model.Vix(o.CloseVariance)).ToArray();
        var vixChanges = vix.Skip(1).Zip(vix, (now, before) => Math.Log(now / before)).ToArray();

        var annualVol = StdDev(returns) * Math.Sqrt(252);
        Assert.InRange(annualVol, 0.12, 0.26);
        Assert.InRange(vix.Average(), 14, 26);
        Assert.InRange(Percentile(vix, 0.05), 9, 16);
        Assert.InRange(Percentile(vix, 0.95), 22, 50);
        Assert.InRange(Correlation(returns.Skip(1).ToArray(), vixChanges), -0.9, -0.45);
        // The level follows its trend: ten years of ~5.5% growth, not a random walk to nowhere.
        Assert.InRange(outlines[^1].Close / outlines[0].Open, 1.2, 3.5);
        Assert.InRange(returns.Min(), -0.15, -0.02); // some bad days, no crash beyond history's worst
    }

    [Fact]
    public void Intraday_volume_and_volatility_are_u_shaped()
    {
        var buckets = _lake.Query("""
            WITH m AS (
              SELECT date, (epoch(ts) - epoch(min(ts) OVER (PARTITION BY date))) / 60 AS minute, volume FROM stock_bars_1m)
            SELECT avg(volume) FILTER (WHERE minute < 30), avg(volume) FILTER (WHERE minute BETWEEN 150 AND 270), avg(volume) FILTER (WHERE minute >= 360) FROM m
            """, r => { r.Read(); return (Open: r.GetDouble(0), Midday: r.GetDouble(1), Close: r.GetDouble(2)); });
        Assert.True(buckets.Open > 1.5 * buckets.Midday, $"open volume {buckets.Open:N0} vs midday {buckets.Midday:N0}");
        Assert.True(buckets.Close > 1.5 * buckets.Midday, $"close volume {buckets.Close:N0} vs midday {buckets.Midday:N0}");

        var moves = _lake.Query("""
            WITH m AS (
              SELECT date, (epoch(ts) - epoch(min(ts) OVER (PARTITION BY date))) / 60 AS minute, abs(ln(close / open)) AS move
              FROM index_bars_1m WHERE ticker = 'I:SPX')
            SELECT avg(move) FILTER (WHERE minute < 20), avg(move) FILTER (WHERE minute BETWEEN 150 AND 270) FROM m
            """, r => { r.Read(); return (Open: r.GetDouble(0), Midday: r.GetDouble(1)); });
        Assert.True(moves.Open > 1.4 * moves.Midday, $"open |move| {moves.Open:E2} vs midday {moves.Midday:E2}");
    }

    [Fact]
    public void Vix_rises_when_spx_falls_intraday()
    {
        var correlation = _lake.Scalar<double>("""
            WITH s AS (SELECT ts, ln(close / open) AS r FROM index_bars_1m WHERE ticker = 'I:SPX'),
                 v AS (SELECT ts, close - open AS dv FROM index_bars_1m WHERE ticker = 'I:VIX')
            SELECT corr(r, dv) FROM s JOIN v USING (ts)
            """);
        Assert.InRange(correlation, -0.95, -0.3);
    }

    [Fact]
    public void Puts_carry_skew_and_the_surface_has_a_term_structure()
    {
        // At the last snapshot of each day, per expiry 20–45 days out: a 10%-OTM put is dearer in vol than an
        // at-the-money put, which is dearer than a 4%-OTM call.
        var rows = _lake.Query("""
            WITH last AS (SELECT * FROM chain_snapshots WHERE snapshot_ts = (SELECT max(snapshot_ts) FROM chain_snapshots c WHERE c.date = chain_snapshots.date)),
                 picked AS (
                   SELECT date, expiry,
                          arg_min(iv, abs(strike / underlying_price - 0.90)) FILTER (WHERE option_right = 'P') AS otm_put,
                          arg_min(iv, abs(strike / underlying_price - 1.00)) FILTER (WHERE option_right = 'P') AS atm_put,
                          arg_min(iv, abs(strike / underlying_price - 1.04)) FILTER (WHERE option_right = 'C') AS otm_call
                   FROM last WHERE expiry - date BETWEEN 20 AND 45 GROUP BY ALL)
            SELECT count(*), count(*) FILTER (WHERE otm_put > atm_put AND atm_put > otm_call) FROM picked WHERE otm_call IS NOT NULL
            """, r => { r.Read(); return (All: r.GetInt64(0), Skewed: r.GetInt64(1)); });
        Assert.True(rows.All >= 5, $"only {rows.All} expiries to check");
        Assert.Equal(rows.All, rows.Skewed);

        var terms = _lake.Scalar<long>("""
            SELECT count(DISTINCT round(iv, 3)) FROM chain_snapshots
            WHERE date = '2025-03-03' AND snapshot_ts = (SELECT max(snapshot_ts) FROM chain_snapshots WHERE date = '2025-03-03')
              AND option_right = 'P' AND strike = (SELECT min(strike) FROM chain_snapshots WHERE option_right = 'P' AND date = '2025-03-03' AND strike % 25 = 0 AND strike >= underlying_price)
            """);
        Assert.True(terms >= 5, $"the ATM put IV takes only {terms} distinct values across expiries");
    }

    [Fact]
    public void Quotes_have_no_static_arbitrage()
    {
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM chain_snapshots WHERE bid < 0 OR ask <= 0 OR bid > ask OR iv <= 0"));
        // Calls get cheaper and puts dearer as the strike rises (mid quotes, at every snapshot and expiry).
        var violations = _lake.Scalar<long>("""
            SELECT count(*) FROM (
              SELECT option_right, (bid + ask) / 2 AS mid,
                     lag((bid + ask) / 2) OVER (PARTITION BY snapshot_ts, expiry, option_right, ticker[1:6] ORDER BY strike) AS lower_strike_mid
              FROM chain_snapshots)
            WHERE (option_right = 'C' AND mid > lower_strike_mid) OR (option_right = 'P' AND mid < lower_strike_mid)
            """);
        Assert.Equal(0L, violations);
        // Deltas have the right sign and size.
        Assert.Equal(0L, _lake.Scalar<long>("SELECT count(*) FROM chain_snapshots WHERE (option_right = 'C' AND NOT delta BETWEEN 0 AND 1) OR (option_right = 'P' AND NOT delta BETWEEN -1 AND 0)"));
    }

    [Fact]
    public void Spreads_widen_away_from_the_money()
    {
        var spreads = _lake.Query("""
            SELECT avg((ask - bid) / ((ask + bid) / 2)) FILTER (WHERE abs(strike / underlying_price - 1) < 0.01),
                   avg((ask - bid) / ((ask + bid) / 2)) FILTER (WHERE strike / underlying_price BETWEEN 0.80 AND 0.85)
            FROM chain_snapshots WHERE option_right = 'P' AND expiry - date BETWEEN 20 AND 45
            """, r => { r.Read(); return (Atm: r.GetDouble(0), Otm: r.GetDouble(1)); });
        Assert.True(spreads.Otm > 1.5 * spreads.Atm, $"relative spread ATM {spreads.Atm:P1}, 15-20% OTM {spreads.Otm:P1}");
    }

    private static double StdDev(IReadOnlyList<double> x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1));
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)(p * (sorted.Length - 1))];
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
