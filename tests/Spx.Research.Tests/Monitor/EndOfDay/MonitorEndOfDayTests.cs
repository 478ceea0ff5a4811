using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Monitor.Detection;
using Spx.Research.Monitor.EndOfDay;
using Spx.Research.Tests.Monitor.Detection;
using Spx.Research.Testing;
using static Spx.Research.Tests.Monitor.Detection.MonitorTestLake;

namespace Spx.Research.Tests.Monitor.EndOfDay;

/// <summary>
/// End of day on a real lake: each contract's last poll becomes its daily row, the day's poll files are
/// compacted into one, retention removes whole partitions at its edges (3 NYSE sessions of polls, 60
/// calendar days of daily rows), and a second run or a run for a past session changes nothing already right.
/// </summary>
public sealed class MonitorEndOfDayTests : IDisposable
{
    private const string A = "O:SPXW250417P05000000";
    private const string B = "O:SPXW250417P04900000";
    private static readonly DateOnly Wednesday = new(2025, 3, 5);

    private readonly MonitorTestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private MonitorEndOfDay EndOfDay() => new(_lake.Layout, new MonitorSettings());

    /// <summary>Three polls of <paramref name="day"/>, each its own append (its own file), as the poll writes them.</summary>
    private void PollDay(DateOnly day)
    {
        _lake.WritePolls(new PollRow(Et(day, 9, 45), A, 100, 100), new PollRow(Et(day, 9, 45), B, 50, 50));
        _lake.WritePolls(new PollRow(Et(day, 10, 0), A, 180, 80));
        _lake.WritePolls(new PollRow(Et(day, 15, 45), A, 900, 720));
    }

    private string[] DailyRows(DateOnly day)
    {
        using var session = _lake.Session();
        return session.Query(
            $"SELECT ticker, day_volume, epoch_us(poll_ts), session FROM monitor_daily WHERE date = DATE '{day:yyyy-MM-dd}' ORDER BY ticker",
            r =>
            {
                var rows = new List<string>();
                while (r.Read()) rows.Add($"{r.GetString(0)} {r.GetInt64(1)} {r.GetInt64(2)} {r.GetDateTime(3):yyyy-MM-dd}");
                return rows.ToArray();
            });
    }

    private static long Micros(DateTimeOffset instant) => (instant - DateTimeOffset.UnixEpoch).Ticks / 10;

    [Fact]
    public void Each_contracts_last_poll_becomes_its_daily_row_and_the_polls_are_compacted_into_one_file()
    {
        PollDay(Wednesday);
        Assert.Equal(3, _lake.Layout.PartitionFiles("monitor_polls", Wednesday).Count);

        var report = EndOfDay().Run(Wednesday);

        Assert.Equal(
            [$"{B} 50 {Micros(Et(Wednesday, 9, 45))} 2025-03-05", $"{A} 900 {Micros(Et(Wednesday, 15, 45))} 2025-03-05"],
            DailyRows(Wednesday));
        Assert.Single(_lake.Layout.PartitionFiles("monitor_polls", Wednesday));
        Assert.Equal((4L, 2L, 4L), (report.PollRows, report.Daily!.Rows, report.Compaction!.Rows));
        using var session = _lake.Session();
        Assert.Equal(4, session.Scalar<long>("SELECT count(*) FROM monitor_polls"));
        Assert.Equal("2025-03-05: 4 poll rows; monitor_daily 2 contracts (written)", report.Lines()[0]);
        Assert.Contains("total monitor_polls: 1 partitions, 1 files, 4 rows, 2025-03-05..2025-03-05", report.Lines());
    }

    [Fact]
    public void The_sessions_alerts_appended_poll_by_poll_are_compacted_into_one_file()
    {
        PollDay(Wednesday);
        using (var writer = new LakeWriter(_lake.Layout, Registry))
        {
            AlertStore.Append(writer, Wednesday, [Alert(Et(Wednesday, 9, 45), A, "volume_delta")]);
            AlertStore.Append(writer, Wednesday, [Alert(Et(Wednesday, 15, 45), A, "day_over_day"), Alert(Et(Wednesday, 15, 45), B, "volume_delta")]);
        }
        Assert.Equal(2, _lake.Layout.PartitionFiles("alerts", Wednesday).Count);

        EndOfDay().Run(Wednesday);

        Assert.Single(_lake.Layout.PartitionFiles("alerts", Wednesday));
        using var session = _lake.Session();
        Assert.Equal(
            [$"{B} volume_delta", $"{A} day_over_day", $"{A} volume_delta"],
            session.Query("SELECT ticker || ' ' || rule FROM alerts ORDER BY ticker, rule", r =>
            {
                var rows = new List<string>();
                while (r.Read()) rows.Add(r.GetString(0));
                return rows.ToArray();
            }));
    }

    private static HedgingAlert Alert(DateTimeOffset pollTs, string ticker, string rule) =>
        new(pollTs, Wednesday, rule, ticker, new DateOnly(2025, 4, 17), 5000, 5800, 900, 720, null, ComparisonSource.None, 200_000, $"{rule} {ticker}");

    [Fact]
    public void Running_twice_changes_no_file()
    {
        PollDay(Wednesday);
        EndOfDay().Run(Wednesday);
        var before = LakeFiles.Snapshot(_lake.Root);

        var again = EndOfDay().Run(Wednesday);

        Assert.False(again.Daily!.Changed);
        Assert.False(again.Compaction!.Changed);
        Assert.Equal(before, LakeFiles.Snapshot(_lake.Root));
        Assert.Contains("monitor_daily 2 contracts (unchanged)", again.Lines()[0]);
    }

    [Fact]
    public void Intraday_polls_are_kept_for_three_sessions_counted_across_a_weekend()
    {
        foreach (var day in new[] { 4, 5, 6, 7, 10 }) _lake.WritePolls(new PollRow(Et(new DateOnly(2025, 3, day), 10, 0), A, 100));

        var report = EndOfDay().Run(new DateOnly(2025, 3, 10));

        Assert.Equal([new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 5)], report.RemovedPolls);
        Assert.Equal([new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 7), new DateOnly(2025, 3, 10)], _lake.Layout.Partitions("monitor_polls"));
    }

    [Fact]
    public void Daily_rows_are_kept_for_sixty_calendar_days_inclusive()
    {
        var friday = new DateOnly(2025, 3, 7);
        _lake.WriteDaily(new PollRow(Et(new DateOnly(2025, 1, 3), 16, 0), A, 1), new PollRow(Et(new DateOnly(2025, 1, 6), 16, 0), A, 2));
        _lake.WritePolls(new PollRow(Et(friday, 10, 0), A, 100));

        var report = EndOfDay().Run(friday); // 2025-01-06 is exactly 60 days before

        Assert.Equal([new DateOnly(2025, 1, 3)], report.RemovedDaily);
        Assert.Equal([new DateOnly(2025, 1, 6), friday], _lake.Layout.Partitions("monitor_daily"));
    }

    [Fact]
    public void A_past_session_is_closed_without_touching_later_ones()
    {
        var tuesday = new DateOnly(2025, 3, 4);
        PollDay(tuesday);
        PollDay(Wednesday);

        var report = EndOfDay().Run(tuesday);

        Assert.Equal(2, DailyRows(tuesday).Length);
        Assert.Empty(DailyRows(Wednesday));
        Assert.Single(_lake.Layout.PartitionFiles("monitor_polls", tuesday));
        Assert.Equal(3, _lake.Layout.PartitionFiles("monitor_polls", Wednesday).Count);
        Assert.Empty(report.RemovedPolls);
    }

    [Fact]
    public void A_session_without_polls_says_so_and_keeps_its_daily_rows()
    {
        PollDay(Wednesday);
        EndOfDay().Run(Wednesday);
        foreach (var date in _lake.Layout.Partitions("monitor_polls"))
        {
            using var writer = new Spx.Research.Lake.LakeWriter(_lake.Layout, Registry);
            writer.DeletePartition("monitor_polls", date);
        }

        var report = EndOfDay().Run(Wednesday);

        Assert.Null(report.Daily);
        Assert.Equal("2025-03-05: no polls stored for this session; nothing to close", report.Lines()[0]);
        Assert.Equal(2, DailyRows(Wednesday).Length);
    }

    [Fact]
    public void A_weekend_is_refused_naming_the_date_and_the_latest_polled_session_is_found()
    {
        var error = Assert.Throws<ArgumentException>(() => EndOfDay().Run(new DateOnly(2025, 3, 8)));
        Assert.StartsWith("2025-03-08 (Saturday) is not an NYSE session", error.Message);

        Assert.Null(EndOfDay().LatestPolledSession());
        PollDay(new DateOnly(2025, 3, 4));
        PollDay(Wednesday);
        Assert.Equal(Wednesday, EndOfDay().LatestPolledSession());
    }

    [Fact]
    public void Retention_cutoffs_count_sessions_over_a_holiday()
    {
        // Tuesday 2025-01-21 after Martin Luther King Jr. Day: three sessions are 01-21, 01-17, 01-16.
        Assert.Equal(new DateOnly(2025, 1, 16), RetentionCutoffs.FirstPollSessionKept(new DateOnly(2025, 1, 21), new MonitorSettings(), Spx.Research.Market.NyseCalendar.Default));
        Assert.Equal(new DateOnly(2025, 1, 17), RetentionCutoffs.FirstPollSessionKept(new DateOnly(2025, 1, 21), new MonitorSettings { IntradayRetentionSessions = 2 }, Spx.Research.Market.NyseCalendar.Default));
        Assert.Equal(new DateOnly(2024, 11, 22), RetentionCutoffs.FirstDailyDateKept(new DateOnly(2025, 1, 21), new MonitorSettings()));
    }
}
