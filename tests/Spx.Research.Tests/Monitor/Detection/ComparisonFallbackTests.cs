using Spx.Research.Configuration;
using Spx.Research.Market;
using Spx.Research.Monitor.Detection;
using static Spx.Research.Tests.Monitor.Detection.MonitorTestLake;

namespace Spx.Research.Tests.Monitor.Detection;

/// <summary>
/// The comparison fallback chain on a real lake: each of the five sources, the align window's edges, NYSE
/// sessions (not calendar days) after a weekend, a holiday and a Monday holiday, and alignment by New York
/// clock time across the March 2025 DST switch and after an early close.
/// </summary>
public sealed class ComparisonFallbackTests : IDisposable
{
    private const string Ticker = "O:SPXW250417P05000000";
    private static readonly DateOnly Wednesday = new(2025, 3, 5);
    private static readonly DateOnly Tuesday = new(2025, 3, 4);
    private static readonly DateOnly Monday = new(2025, 3, 3);

    private readonly MonitorTestLake _lake = new();

    public void Dispose() => _lake.Dispose();

    /// <summary>The comparison the chain finds for <see cref="Ticker"/> in the poll at <paramref name="pollTs"/> (which is written first).</summary>
    private PolledContract Compare(DateTimeOffset pollTs)
    {
        _lake.WritePolls(new PollRow(pollTs, Ticker, 5000));
        using var session = _lake.Session();
        var contracts = ComparisonQuery.Run(session, NyseCalendar.Default, pollTs, NewYorkTime.LocalDate(pollTs), new DetectorSettings());
        return Assert.Single(contracts);
    }

    private static void AssertComparison(PolledContract contract, ComparisonSource source, long? volume, DateTimeOffset? at)
    {
        Assert.Equal(source, contract.Source);
        Assert.Equal(volume, contract.ComparisonVolume);
        Assert.Equal(at, contract.ComparisonTs);
    }

    [Fact]
    public void Aligned_takes_the_previous_sessions_poll_closest_to_this_time_of_day()
    {
        _lake.WritePolls(
            new PollRow(Et(Tuesday, 10, 45), Ticker, 100),
            new PollRow(Et(Tuesday, 11, 0), Ticker, 110),
            new PollRow(Et(Tuesday, 11, 30), Ticker, 130));
        _lake.WriteDaily(new PollRow(Et(Tuesday, 16, 0), Ticker, 900));

        AssertComparison(Compare(Et(Wednesday, 11, 10)), ComparisonSource.Aligned, 110, Et(Tuesday, 11, 0));
    }

    [Fact]
    public void Aligned_breaks_a_tie_towards_the_earlier_poll()
    {
        _lake.WritePolls(new PollRow(Et(Tuesday, 11, 0), Ticker, 110), new PollRow(Et(Tuesday, 11, 20), Ticker, 120));

        AssertComparison(Compare(Et(Wednesday, 11, 10)), ComparisonSource.Aligned, 110, Et(Tuesday, 11, 0));
    }

    [Theory]
    [InlineData(12, 10, "Aligned")] // exactly one hour later: inside the window
    [InlineData(10, 10, "Aligned")] // exactly one hour earlier
    [InlineData(12, 11, "PreviousEod")] // one minute outside: the end-of-day row
    public void The_align_window_is_plus_or_minus_one_hour_inclusive(int hour, int minute, string expected)
    {
        _lake.WritePolls(new PollRow(Et(Tuesday, hour, minute), Ticker, 120));
        _lake.WriteDaily(new PollRow(Et(Tuesday, 16, 0), Ticker, 900));

        Assert.Equal(Enum.Parse<ComparisonSource>(expected), Compare(Et(Wednesday, 11, 10)).Source);
    }

    [Fact]
    public void Previous_eod_when_no_previous_poll_is_within_the_window()
    {
        _lake.WritePolls(new PollRow(Et(Tuesday, 15, 45), Ticker, 850));
        _lake.WriteDaily(new PollRow(Et(Tuesday, 16, 0), Ticker, 900));

        AssertComparison(Compare(Et(Wednesday, 9, 45)), ComparisonSource.PreviousEod, 900, Et(Tuesday, 16, 0));
    }

    [Fact]
    public void Previous_latest_when_end_of_day_did_not_run_for_the_previous_session()
    {
        _lake.WritePolls(
            new PollRow(Et(Tuesday, 14, 0), Ticker, 700),
            new PollRow(Et(Tuesday, 15, 30), Ticker, 850));
        _lake.WriteDaily(new PollRow(Et(Monday, 16, 0), Ticker, 300)); // older: loses to the previous session's polls

        AssertComparison(Compare(Et(Wednesday, 9, 45)), ComparisonSource.PreviousLatest, 850, Et(Tuesday, 15, 30));
    }

    [Fact]
    public void Earlier_eod_when_the_previous_session_has_nothing_for_the_contract()
    {
        _lake.WritePolls(new PollRow(Et(Tuesday, 9, 45), "O:SPXW250417P04900000", 10)); // another contract
        _lake.WriteDaily(new PollRow(Et(Monday, 16, 0), Ticker, 300));

        AssertComparison(Compare(Et(Wednesday, 9, 45)), ComparisonSource.EarlierEod, 300, Et(Monday, 16, 0));
    }

    [Fact]
    public void None_when_nothing_is_stored_for_the_contract_and_older_rows_are_not_used()
    {
        var friday = new DateOnly(2025, 2, 28); // three sessions back: beyond the chain
        _lake.WriteDaily(new PollRow(Et(friday, 16, 0), Ticker, 300));
        _lake.WritePolls(new PollRow(Et(friday, 9, 45), Ticker, 20));

        AssertComparison(Compare(Et(Wednesday, 9, 45)), ComparisonSource.None, null, null);
    }

    [Fact]
    public void A_monday_compares_with_friday_and_its_earlier_eod_is_thursday()
    {
        var thursday = new DateOnly(2025, 3, 13);
        var friday = new DateOnly(2025, 3, 14);
        var monday = new DateOnly(2025, 3, 17);
        _lake.WritePolls(new PollRow(Et(friday, 10, 0), Ticker, 400));
        AssertComparison(Compare(Et(monday, 10, 0)), ComparisonSource.Aligned, 400, Et(friday, 10, 0));

        _lake.WriteDaily(new PollRow(Et(thursday, 16, 0), "O:SPXW250417P04800000", 77));
        _lake.WritePolls(new PollRow(Et(monday, 10, 0), "O:SPXW250417P04800000", 5000));
        using var session = _lake.Session();
        var other = ComparisonQuery.Run(session, NyseCalendar.Default, Et(monday, 10, 0), monday, new DetectorSettings())
            .Single(c => c.Ticker == "O:SPXW250417P04800000");
        AssertComparison(other, ComparisonSource.EarlierEod, 77, Et(thursday, 16, 0));
    }

    [Fact]
    public void The_day_after_new_years_day_compares_with_december_31()
    {
        var newYearsEve = new DateOnly(2024, 12, 31);
        _lake.WritePolls(new PollRow(Et(newYearsEve, 10, 0), Ticker, 250));

        AssertComparison(Compare(Et(new DateOnly(2025, 1, 2), 10, 5)), ComparisonSource.Aligned, 250, Et(newYearsEve, 10, 0));
    }

    [Fact]
    public void A_tuesday_after_a_monday_holiday_falls_back_to_thursdays_eod()
    {
        // 2025-01-20 is Martin Luther King Jr. Day: previous session Friday 01-17, the one before Thursday 01-16.
        var thursday = new DateOnly(2025, 1, 16);
        _lake.WriteDaily(new PollRow(Et(thursday, 16, 0), Ticker, 640));

        AssertComparison(Compare(Et(new DateOnly(2025, 1, 21), 10, 0)), ComparisonSource.EarlierEod, 640, Et(thursday, 16, 0));
    }

    [Fact]
    public void Across_the_spring_dst_switch_alignment_is_by_new_york_clock_time()
    {
        // Friday 2025-03-07 is EST (UTC-5), Monday 03-10 EDT (UTC-4). Monday 10:00 ET = 14:00 UTC, which
        // by UTC would align with Friday 09:45 ET (14:45 UTC) rather than Friday 10:00 ET (15:00 UTC).
        var friday = new DateOnly(2025, 3, 7);
        _lake.WritePolls(new PollRow(Et(friday, 9, 45), Ticker, 945), new PollRow(Et(friday, 10, 0), Ticker, 1000));

        var monday = Compare(Et(new DateOnly(2025, 3, 10), 10, 0));

        Assert.Equal(new DateTimeOffset(2025, 3, 10, 14, 0, 0, TimeSpan.Zero), monday.PollTs);
        AssertComparison(monday, ComparisonSource.Aligned, 1000, new DateTimeOffset(2025, 3, 7, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void After_an_early_close_polls_align_by_clock_time_up_to_its_last_poll()
    {
        // Friday 2024-11-29 closes at 13:00 ET; its last poll is 13:00. Monday 12:30 aligns with it; 14:30 does not.
        var friday = new DateOnly(2024, 11, 29);
        var monday = new DateOnly(2024, 12, 2);
        _lake.WritePolls(new PollRow(Et(friday, 12, 45), Ticker, 1245), new PollRow(Et(friday, 13, 0), Ticker, 1300));

        AssertComparison(Compare(Et(monday, 12, 55)), ComparisonSource.Aligned, 1300, Et(friday, 13, 0));
        Assert.Equal(ComparisonSource.PreviousLatest, Compare(Et(monday, 14, 30)).Source);
    }
}
