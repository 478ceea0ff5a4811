using Spx.Research.Consolidation;
using Spx.Research.Lake;
using Spx.Research.Market;
using Spx.Research.Pricing;

namespace Spx.Research.Tests.Consolidation;

/// <summary>
/// Consolidation over whole sample days (hundreds of tickers a day): every row is priced from its own inputs, the
/// early-exercise flag follows its rule, and the parallel run writes exactly what one worker writes.
/// </summary>
public sealed class ConsolidationWholeDayTests
{
    [Fact]
    public void Every_row_holds_the_iv_and_greeks_of_its_own_close_spot_strike_and_time()
    {
        using var lake = new SampleInputLake();
        lake.Consolidate();
        using var session = lake.Session();
        var rows = session.Columnar("SELECT ticker, option_right, strike, spot, t_years, close, iv, iv_status, delta, gamma, vega_per_point FROM option_minutes WHERE spot IS NOT NULL");

        Assert.True(rows.RowCount > 10_000, $"only {rows.RowCount} rows");
        var solved = 0;
        for (var i = 0; i < rows.RowCount; i++)
        {
            var right = rows.GetStrings("option_right")[i] == "C" ? OptionRight.Call : OptionRight.Put;
            var (spot, strike, t, close) = (rows.GetColumn<double>("spot")[i], rows.GetColumn<double>("strike")[i], rows.GetColumn<double>("t_years")[i], rows.GetColumn<double>("close")[i]);
            var expected = ImpliedVolatility.Solve(right, close, spot, strike, t, ConsolidationTestLake.Rate, ConsolidationTestLake.Yield);
            var where = $"row {i}: {rows.GetStrings("ticker")[i]} close {close} spot {spot} t {t:R}: solver {expected.Status} {expected.Value:R}, stored {rows.GetStrings("iv_status")[i]} {rows.GetColumn<double>("iv")[i]:R}";
            Assert.True(ConsolidationQueries.StatusName(expected.Status) == rows.GetStrings("iv_status")[i], where);
            if (!expected.IsSolved)
            {
                Assert.True(double.IsNaN(rows.GetColumn<double>("iv")[i]), where);
                continue;
            }
            solved++;
            var greeks = BlackScholes.Greeks(right, spot, strike, t, ConsolidationTestLake.Rate, ConsolidationTestLake.Yield, expected.Value);
            // Consolidation prices through the batch (SIMD) kernel; it and the scalar solver are each within 1e-10 of
            // the true σ (docs/pricing.md), so they may differ by up to twice that where the price barely moves σ (0DTE minutes).
            Assert.True(Math.Abs(expected.Value - rows.GetColumn<double>("iv")[i]) <= 2e-10, where);
            Assert.True(Close(greeks.Delta, rows.GetColumn<double>("delta")[i]), where);
            Assert.True(Close(greeks.Gamma, rows.GetColumn<double>("gamma")[i]), where);
            Assert.True(Close(greeks.VegaPerPoint, rows.GetColumn<double>("vega_per_point")[i]), where);
        }
        Assert.True(solved > rows.RowCount / 2, $"only {solved} of {rows.RowCount} rows solved");
    }

    [Fact]
    public void The_early_exercise_flag_marks_exactly_the_rows_whose_exercise_value_beats_the_close()
    {
        using var lake = new SampleInputLake();
        lake.Consolidate();
        using var session = lake.Session();

        var flagged = session.Scalar<long>("SELECT count(*) FROM option_minutes WHERE early_exercise");
        var disagreeing = session.Scalar<long>("""
            SELECT count(*) FROM option_minutes
            WHERE early_exercise <> coalesce(CASE option_right WHEN 'P' THEN strike - spot ELSE spot - strike END > greatest(close, 0), false)
            """);
        Assert.True(flagged > 0, "the sample days have no deep in-the-money row: the test would prove nothing");
        Assert.Equal(0, disagreeing);
    }

    [Fact]
    public void Two_workers_write_the_same_files_as_one()
    {
        using var one = new SampleInputLake();
        using var two = new SampleInputLake();

        var days = one.Consolidate(workers: 1);
        two.Consolidate(workers: 2);

        Assert.Equal(2, days.Count);
        Assert.Equal(one.MinuteFiles(), two.MinuteFiles());
    }

    [Fact]
    public void Bars_stored_out_of_key_order_consolidate_to_the_same_rows()
    {
        using var sorted = new SampleInputLake();
        using var shuffled = new SampleInputLake();
        var partition = Path.Combine(shuffled.Root, "option_bars_1m", LakeLayout.PartitionName(SampleInputLake.First));
        var file = Directory.GetFiles(partition, "*.parquet").Single();
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            var moved = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName() + ".parquet");
            connection.ExecuteNonQuery($"COPY (SELECT * FROM read_parquet({SqlText.Literal(file)}) ORDER BY ts DESC, ticker DESC) TO {SqlText.Literal(moved)} (FORMAT parquet)");
            File.Move(moved, file, overwrite: true);
        }

        sorted.Consolidate();
        shuffled.Consolidate();

        Assert.Equal(sorted.MinuteFiles(), shuffled.MinuteFiles());
    }

    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));
}
