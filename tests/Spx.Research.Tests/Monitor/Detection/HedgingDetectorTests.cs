using Spx.Research.Configuration;
using Spx.Research.Lake;
using Spx.Research.Monitor.Detection;
using static Spx.Research.Tests.Monitor.Detection.MonitorTestLake;

namespace Spx.Research.Tests.Monitor.Detection;

/// <summary>
/// The detector on a real lake: alerts stored in <c>alerts</c> with their comparison source, source counts per
/// poll, and no alert raised twice for one (session, ticker, rule) — across evaluations, across detector
/// instances, and against an alert a previous run stored.
/// </summary>
public sealed class HedgingDetectorTests : IDisposable
{
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private static readonly DateOnly Wednesday = new(2025, 3, 5);
    private const string Hot = "O:SPXW250417P05000000";
    private const string Quiet = "O:SPXW250417P04900000";
    private const string New = "O:SPXW250417P04800000";

    private readonly MonitorTestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    private HedgingDetector Detector() => new(_lake.Layout, new DetectorSettings());

    private long StoredAlerts(string where = "true")
    {
        using var session = _lake.Session();
        return session.Scalar<long>($"SELECT count(*) FROM alerts WHERE {where}");
    }

    /// <summary>Tuesday: Hot traded 100 at 10:00; Quiet 1000. Wednesday 10:00: Hot 2000 (20×, +300 since 09:45), Quiet 1000, New 5000 (no history).</summary>
    private DateTimeOffset WriteTwoDays()
    {
        _lake.WritePolls(new PollRow(Et(Tuesday, 10, 0), Hot, 100), new PollRow(Et(Tuesday, 10, 0), Quiet, 1000));
        _lake.WritePolls(
            new PollRow(Et(Wednesday, 9, 45), Hot, 1700, 1700),
            new PollRow(Et(Wednesday, 10, 0), Hot, 2000, 300),
            new PollRow(Et(Wednesday, 10, 0), Quiet, 1000, 100),
            new PollRow(Et(Wednesday, 10, 0), New, 5000, 150));
        return Et(Wednesday, 10, 0);
    }

    [Fact]
    public void Evaluate_stores_each_firing_rule_with_its_comparison_source_and_counts_sources()
    {
        var poll = WriteTwoDays();

        var result = Detector().Evaluate(poll);

        Assert.Equal(3, result.Contracts);
        Assert.Equal(3, result.Considered);
        Assert.Equal(2, result.SourceCounts[ComparisonSource.Aligned]);
        Assert.Equal(1, result.SourceCounts[ComparisonSource.None]);
        Assert.Equal(0, result.SourceCounts[ComparisonSource.PreviousEod]);
        Assert.Equal(
            [(Hot, "volume_delta"), (Hot, "day_over_day")],
            result.Raised.Select(a => (a.Ticker, a.Rule)).ToArray());
        var dayOverDay = result.Raised.Single(a => a.Rule == "day_over_day");
        Assert.Equal((100L, ComparisonSource.Aligned, 1_000_000.0), (dayOverDay.ComparisonVolume, dayOverDay.Source, dayOverDay.Premium));
        Assert.Equal(
            "day_over_day O:SPXW250417P05000000: day volume 2,000 > 5 × 100 (aligned); premium $1,000,000 (last 5.00); spot 5800.00 at 10:00 ET 2025-03-05",
            dayOverDay.Message);

        using var session = _lake.Session();
        var stored = session.Query(
            "SELECT rule, ticker, comparison_source, comparison_volume, epoch_us(poll_ts), session, message FROM alerts ORDER BY rule",
            r =>
            {
                var rows = new List<string>();
                while (r.Read()) rows.Add($"{r.GetString(0)}|{r.GetString(1)}|{r.GetString(2)}|{r.GetInt64(3)}|{r.GetInt64(4)}|{r.GetDateTime(5):yyyy-MM-dd}|{r.GetString(6)}");
                return rows;
            });
        var micros = (poll - DateTimeOffset.UnixEpoch).Ticks / 10;
        Assert.Equal([$"day_over_day|{Hot}|aligned|100|{micros}|2025-03-05|{dayOverDay.Message}", $"volume_delta|{Hot}|aligned|100|{micros}|2025-03-05|{result.Raised[0].Message}"], stored);
        Assert.Contains("alerts: 2 new, 0 already raised this session", result.Summary());
        Assert.Contains(result.Summary(), l => l.StartsWith("poll 2025-03-05 10:00 ET: 3 contracts, 3 above the floors; comparison: aligned 2, previous_eod 0, previous_latest 0, earlier_eod 0, none 1"));
    }

    [Fact]
    public void The_same_alert_is_not_raised_twice_in_a_session_by_a_later_poll_or_a_new_detector()
    {
        var poll = WriteTwoDays();
        Detector().Evaluate(poll);
        _lake.WritePolls(new PollRow(Et(Wednesday, 10, 15), Hot, 2600, 600));

        var later = Detector().Evaluate(Et(Wednesday, 10, 15)); // a fresh instance: nothing in memory
        var again = Detector().Evaluate(poll);

        Assert.Empty(later.Raised);
        Assert.Equal(2, later.AlreadyRaised);
        Assert.Empty(again.Raised);
        Assert.Equal(2, StoredAlerts());
    }

    [Fact]
    public void An_alert_stored_by_an_earlier_run_is_not_raised_again()
    {
        var poll = WriteTwoDays();
        // What a monitor that stopped after storing one alert leaves behind.
        using (var writer = new LakeWriter(_lake.Layout, Registry))
        {
            AlertStore.Append(writer, Wednesday, [new HedgingAlert(Et(Wednesday, 9, 45), Wednesday, "volume_delta", Hot, Expiry, 5000, 5800, 1700, 1700, 100, ComparisonSource.Aligned, 850_000, "earlier run")]);
        }

        var result = Detector().Evaluate(poll);

        Assert.Equal([(Hot, "day_over_day")], result.Raised.Select(a => (a.Ticker, a.Rule)).ToArray());
        Assert.Equal(1, result.AlreadyRaised);
        using var session = _lake.Session();
        Assert.Equal("earlier run", session.Scalar<string>("SELECT message FROM alerts WHERE rule = 'volume_delta'"));
    }

    [Fact]
    public void The_next_session_raises_the_same_contract_and_rule_again()
    {
        var poll = WriteTwoDays();
        Detector().Evaluate(poll);
        var thursday = new DateOnly(2025, 3, 6);
        _lake.WritePolls(new PollRow(Et(thursday, 10, 0), Hot, 20_000, 300));

        var next = Detector().Evaluate(Et(thursday, 10, 0));

        Assert.Equal(["volume_delta", "day_over_day"], next.Raised.Select(a => a.Rule).ToArray());
        Assert.Equal(2, StoredAlerts("session = DATE '2025-03-06'"));
    }

    [Fact]
    public void Contracts_below_the_floors_raise_nothing()
    {
        _lake.WritePolls(new PollRow(Et(Wednesday, 10, 0), Hot, 99, 99, LastPrice: 1000));

        var result = Detector().Evaluate(Et(Wednesday, 10, 0));

        Assert.Equal((1, 0), (result.Contracts, result.Considered));
        Assert.Empty(result.Raised);
        Assert.Equal(0, StoredAlerts());
    }

    [Fact]
    public void A_poll_on_a_weekend_is_refused_naming_the_date()
    {
        var error = Assert.Throws<ArgumentException>(() => Detector().Evaluate(Et(new DateOnly(2025, 3, 8), 10, 0)));
        Assert.StartsWith("2025-03-08 (Saturday) is not an NYSE session", error.Message);
    }

    [Fact]
    public void Evaluate_latest_finds_the_newest_poll_or_none()
    {
        Assert.Null(Detector().EvaluateLatest());
        WriteTwoDays();

        Assert.Equal(Et(Wednesday, 10, 0), Detector().EvaluateLatest()!.PollTs);
    }
}

/// <summary>The detector on damaged input: a truncated file must neither be overwritten nor let an alert be raised twice.</summary>
public sealed class HedgingDetectorDamageTests : IDisposable
{
    private readonly MonitorTestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    [Fact]
    public void A_truncated_alerts_file_fails_the_evaluation_naming_it_and_is_left_as_it_was()
    {
        var tuesday = new DateOnly(2025, 3, 4);
        var wednesday = new DateOnly(2025, 3, 5);
        const string hot = "O:SPXW250417P05000000";
        _lake.WritePolls(new PollRow(Et(tuesday, 10, 0), hot, 100));
        _lake.WritePolls(new PollRow(Et(wednesday, 10, 0), hot, 2000, 300));
        var detector = new HedgingDetector(_lake.Layout, new DetectorSettings());
        detector.Evaluate(Et(wednesday, 10, 0));
        var file = Assert.Single(_lake.Layout.PartitionFiles("alerts", wednesday));
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write)) stream.SetLength(stream.Length / 2);
        var damaged = File.ReadAllBytes(file);

        var error = Assert.ThrowsAny<Exception>(() => detector.Evaluate(Et(wednesday, 10, 0)));

        Assert.Contains(Path.GetFileName(file), error.Message);
        Assert.Equal(damaged, File.ReadAllBytes(file));
        Assert.Single(_lake.Layout.PartitionFiles("alerts", wednesday));
    }
}
