using System.Globalization;
using Spx.Research.Lake;
using Spx.Research.Scanning;
using static Spx.Research.Tests.Scanning.ScannerTestLake;

namespace Spx.Research.Tests.Scanning;

/// <summary>
/// The move an event's underlying explains (docs/consolidation.md, "Explained move"): delta·ΔS + ½·gamma·ΔS² with
/// delta and gamma from <c>option_minutes</c> at the contract-day's first bar and ΔS the spot from that bar to the
/// run's peak bar (the first bar reaching the peak close). Numbers by hand: reference 1.00, peak 1.40,
/// delta 0.10, gamma 0.05, spot 580 → 582: explained 0.10·2 + ½·0.05·4 = 0.30 of a 0.40 move, unexplained 25 %.
/// </summary>
public sealed class MomentumExplainedMoveTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private const string Call = "O:SPY250307C00580000";

    private static ScannerTestLake LakeWithOneEvent()
    {
        var lake = new ScannerTestLake();
        lake.WriteOptionBars(Day, Call, new Bar(0, 1.00, 1.00), new Bar(1, 1.00, 1.30), new Bar(2, 1.30, 1.40), new Bar(3, 1.40, 1.40));
        return lake;
    }

    [Fact]
    public void Delta_and_gamma_at_the_reference_bar_explain_the_spot_move_to_the_peak()
    {
        using var lake = LakeWithOneEvent();
        // minute, spot, delta, gamma; minute 3 ties the peak close later and must not be the peak bar.
        WriteMinutes(lake, (0, 580.0, 0.10, 0.05), (1, 581.0, 0.20, 0.06), (2, 582.0, 0.30, 0.07), (3, 590.0, 0.30, 0.07));

        // The kernel keeps the peak bar as it reads; the SQL path takes the earliest of the tied bars.
        using var session = lake.Session();
        foreach (var path in new[] { MomentumScanPath.Kernel, MomentumScanPath.Sql })
        {
            var e = Assert.Single(MomentumScanner.Run(session, new MomentumScanOptions(), path).Events);

            Assert.Equal((0.10, 0.05, 2.0), (e.Delta, e.Gamma, e.SpotMove));
            Assert.Equal(0.30, e.ExplainedMove!.Value, 12);
            Assert.Equal(0.25, e.UnexplainedShare!.Value, 12);
        }
    }

    [Fact]
    public void A_move_against_the_option_explains_a_loss_and_leaves_more_than_all_of_the_move_unexplained()
    {
        using var lake = LakeWithOneEvent();
        WriteMinutes(lake, (0, 580.0, 0.10, 0.05), (2, 578.0, 0.30, 0.07));

        var e = Assert.Single(lake.Scan().Events);

        // ΔS = −2: 0.10·(−2) + ½·0.05·4 = −0.10; unexplained 1 − (−0.10 / 0.40) = 1.25.
        Assert.Equal(-0.10, e.ExplainedMove!.Value, 12);
        Assert.Equal(1.25, e.UnexplainedShare!.Value, 12);
    }

    [Fact]
    public void Without_solved_greeks_or_consolidated_minutes_the_explaining_columns_are_null()
    {
        using var unsolved = LakeWithOneEvent();
        WriteMinutes(unsolved, (0, 580.0, double.NaN, double.NaN), (2, 582.0, 0.30, 0.07));
        using var unconsolidated = LakeWithOneEvent();

        foreach (var lake in new[] { unsolved, unconsolidated })
        {
            var e = Assert.Single(lake.Scan().Events);
            Assert.Equal((null, null, null), (e.Delta, e.Gamma, e.ExplainedMove));
            Assert.Null(e.UnexplainedShare);
        }
        Assert.Equal(2.0, Assert.Single(unsolved.Scan().Events).SpotMove);
    }

    [Fact]
    public void A_session_that_knows_no_option_minutes_scans_with_null_explaining_columns()
    {
        using var lake = LakeWithOneEvent();
        var registry = DatasetRegistry.Empty.Register(FoundationDatasets.All);

        using var session = new LakeSession(lake.Layout, registry);
        var e = Assert.Single(MomentumScanner.Run(session, new MomentumScanOptions()).Events);

        Assert.DoesNotContain("option_minutes", session.Views);
        Assert.Equal(1.40, e.PeakClose);
        Assert.Null(e.ExplainedMove);
    }

    [Fact]
    public void Stored_events_carry_the_explaining_columns()
    {
        using var lake = LakeWithOneEvent();
        WriteMinutes(lake, (0, 580.0, 0.10, 0.05), (2, 582.0, 0.30, 0.07));
        MomentumEventStore.Replace(lake.Layout, DatasetRegistry.Default, lake.Scan());

        using var session = lake.Session();
        var stored = session.Columnar("SELECT explained_move, unexplained_share FROM momentum_events");
        Assert.Equal(0.30, stored.GetColumn<double>("explained_move")[0], 12);
        Assert.Equal(0.25, stored.GetColumn<double>("unexplained_share")[0], 12);
    }

    /// <summary>Hand-written <c>option_minutes</c> rows for <see cref="Call"/>: only the columns the scan reads carry meaning.</summary>
    private static void WriteMinutes(ScannerTestLake lake, params (int Minute, double Spot, double Delta, double Gamma)[] rows)
    {
        var values = string.Join(", ", rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"(TIMESTAMPTZ '{At(Day, r.Minute).UtcDateTime:yyyy-MM-dd HH:mm:ss}+00', {r.Spot:R}, '{r.Delta:R}'::DOUBLE, '{r.Gamma:R}'::DOUBLE)")));
        using var writer = new LakeWriter(lake.Layout, DatasetRegistry.Default);
        writer.ReplacePartition("option_minutes", Day, LakeSource.FromSql($"""
            SELECT '{Call}' AS ticker, 'SPY' AS underlying, DATE '2025-03-07' AS expiry, 'C' AS option_right, 580.0 AS strike, ts,
                   1.0 AS open, 1.0 AS high, 1.0 AS low, 1.0 AS close, 10 AS volume, NULL AS vwap, NULL AS trades,
                   spot, NULL AS vix, NULL AS news_id, NULL AS news_sentiment, 580.0 / spot AS moneyness, 0.01 AS t_years,
                   0.2 AS iv, 'solved' AS iv_status, delta, gamma, 0.0 AS theta_per_day, 0.0 AS vega_per_point, 0.0 AS rho_per_point, false AS early_exercise,
                   NULL AS ret_1m, NULL AS ret_5m, NULL AS ret_15m, 10 AS volume_5m, 10 AS volume_15m
            FROM (VALUES {values}) AS v(ts, spot, delta, gamma)
            """));
    }
}
