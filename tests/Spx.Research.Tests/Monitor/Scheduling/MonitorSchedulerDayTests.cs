using Spx.Research.Configuration;
using Spx.Research.Monitor.Scheduling;
using static Spx.Research.Tests.Monitor.Scheduling.SchedulerRun;

namespace Spx.Research.Tests.Monitor.Scheduling;

/// <summary>
/// Whole days in fake time with the default settings (first poll at the open + 15 min, every 15 min up to and
/// including the close, end of day 30 min after the close). Expected instants are UTC, written out from the
/// NYSE hours (09:30–16:00 ET, 13:00 on early closes; docs/market-calendar.md) and New York's offset that day:
/// EST (UTC−5) until 2025-03-09 02:00, EDT (UTC−4) from then until 2025-11-02; 2024-07-03 is EDT.
/// </summary>
public sealed class MonitorSchedulerDayTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    // case, start (UTC), first poll, last poll, polls, end of day — all UTC
    [Theory]
    [InlineData("normal day, EST", "2025-03-03T13:00:00Z", "2025-03-03T14:45:00Z", "2025-03-03T21:00:00Z", 26, "2025-03-03T21:30:00Z")]
    [InlineData("first session after the spring DST switch, EDT", "2025-03-10T12:00:00Z", "2025-03-10T13:45:00Z", "2025-03-10T20:00:00Z", 26, "2025-03-10T20:30:00Z")]
    [InlineData("early close 13:00, day after Thanksgiving, EST", "2025-11-28T13:00:00Z", "2025-11-28T14:45:00Z", "2025-11-28T18:00:00Z", 14, "2025-11-28T18:30:00Z")]
    [InlineData("early close 13:00, July 3, EDT", "2024-07-03T12:00:00Z", "2024-07-03T13:45:00Z", "2024-07-03T17:00:00Z", 14, "2024-07-03T17:30:00Z")]
    public async Task A_session_is_polled_at_each_slot_and_closed_by_end_of_day(string @case, string start, string firstPoll, string lastPoll, int polls, string endOfDay)
    {
        var run = new SchedulerRun(start);

        await run.Once();

        var expected = Every(firstPoll, lastPoll, Quarter);
        Assert.True(expected.Count == polls, $"{@case}: the table's own count");
        Assert.Equal(expected, run.Steps.Polls.Select(p => p.Slot!.Value));
        Assert.All(run.Steps.Polls, p => Assert.Equal(p.Slot, p.At));
        var eod = Assert.Single(run.Steps.EndOfDays);
        Assert.Equal(DateOnly.FromDateTime(Utc(firstPoll).UtcDateTime), eod.Session);
        Assert.Equal(Utc(endOfDay), eod.At);
    }

    [Fact]
    public async Task The_states_of_a_normal_day_change_at_the_open_the_close_poll_and_end_of_day()
    {
        var run = new SchedulerRun("2025-03-03T13:00:00Z");

        await run.Once();

        Assert.Equal(
            [
                (Utc("2025-03-03T13:00:00Z"), SchedulerState.Initializing),
                (Utc("2025-03-03T13:00:00Z"), SchedulerState.WaitingForOpen),
                (Utc("2025-03-03T14:30:00Z"), SchedulerState.MarketOpen),
                (Utc("2025-03-03T21:00:00Z"), SchedulerState.EndOfDayPending), // after the poll at the close
                (Utc("2025-03-03T21:30:00Z"), SchedulerState.EndOfDayRunning),
            ],
            run.States);
        Assert.Contains(run.Log.Lines, l => l == "2025-03-03 08:00:00 ET info  next: poll at 09:45 ET (in 1h 45m)");
        Assert.Contains(run.Log.Lines, l => l == "2025-03-03 09:45:00 ET info  poll 09:45 ET: 12 contracts");
        Assert.Contains(run.Log.Lines, l => l == "2025-03-03 16:00:00 ET info  next: end of day 2025-03-03 at 16:30 ET (in 30m)");
        Assert.Contains(run.Log.Lines, l => l == "2025-03-03 16:30:00 ET info  end of day 2025-03-03: 12 daily rows");
    }

    [Fact]
    public async Task A_weekend_polls_nothing_and_announces_the_next_open_across_the_DST_switch()
    {
        // Saturday 2025-03-08 10:00 EST; clocks go forward on Sunday; Monday opens at 09:30 EDT = 13:30 UTC.
        var run = new SchedulerRun("2025-03-08T15:00:00Z");

        await run.Once();

        Assert.All(run.Steps.Calls, c => Assert.Equal(new DateOnly(2025, 3, 10), DateOnly.FromDateTime(c.At.UtcDateTime)));
        Assert.Equal(Utc("2025-03-10T13:45:00Z"), run.Steps.Polls[0].Slot);
        Assert.Equal(
            [
                (Utc("2025-03-08T15:00:00Z"), SchedulerState.Initializing),
                (Utc("2025-03-08T15:00:00Z"), SchedulerState.Weekend),
                (Utc("2025-03-10T04:00:00Z"), SchedulerState.WaitingForOpen), // Monday 00:00 EDT
                (Utc("2025-03-10T13:30:00Z"), SchedulerState.MarketOpen),
                (Utc("2025-03-10T20:00:00Z"), SchedulerState.EndOfDayPending),
                (Utc("2025-03-10T20:30:00Z"), SchedulerState.EndOfDayRunning),
            ],
            run.States);
        Assert.Contains(run.Log.Lines, l => l == "2025-03-08 10:00:00 ET info  state: initializing -> weekend (next open Mon 2025-03-10 09:30 ET)");
        Assert.Contains(run.Log.Lines, l => l == "2025-03-08 10:00:00 ET info  next: poll at Mon 2025-03-10 09:45 ET (in 1d 22h)");
    }

    [Fact]
    public async Task A_holiday_polls_nothing_names_the_holiday_and_waits_through_the_weekend()
    {
        // Friday 2025-07-04 08:00 EDT (Independence Day); the next session is Monday 2025-07-07.
        var run = new SchedulerRun("2025-07-04T12:00:00Z");

        await run.Once();

        Assert.Equal(Utc("2025-07-07T13:45:00Z"), run.Steps.Polls[0].Slot);
        Assert.Equal(26, run.Steps.Polls.Count);
        Assert.Equal(Utc("2025-07-07T20:30:00Z"), Assert.Single(run.Steps.EndOfDays).At);
        Assert.Equal(
            [
                (Utc("2025-07-04T12:00:00Z"), SchedulerState.Initializing),
                (Utc("2025-07-04T12:00:00Z"), SchedulerState.Holiday),
                (Utc("2025-07-05T04:00:00Z"), SchedulerState.Weekend),
                (Utc("2025-07-07T04:00:00Z"), SchedulerState.WaitingForOpen),
                (Utc("2025-07-07T13:30:00Z"), SchedulerState.MarketOpen),
                (Utc("2025-07-07T20:00:00Z"), SchedulerState.EndOfDayPending),
                (Utc("2025-07-07T20:30:00Z"), SchedulerState.EndOfDayRunning),
            ],
            run.States);
        var holiday = Assert.Single(run.Log.Lines, l => l.Contains("-> holiday", StringComparison.Ordinal));
        Assert.Contains("Independence Day", holiday, StringComparison.Ordinal);
        Assert.EndsWith("next open Mon 2025-07-07 09:30 ET)", holiday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_end_of_day_the_market_is_closed_until_midnight_then_the_next_day_waits_for_its_open()
    {
        // Not --once: started at 16:10 ET, it polls the missed close slot late, runs end of day, waits through
        // the night and is stopped inside Tuesday's first poll.
        var run = new SchedulerRun("2025-03-03T21:10:00Z");
        using var stop = new CancellationTokenSource();
        run.Steps.During = call => { if (call.Kind == "poll" && call.Slot > Utc("2025-03-04T00:00:00Z")) stop.Cancel(); };

        await run.Scheduler.RunAsync(once: false, stop.Token);

        Assert.Equal(
            [
                (Utc("2025-03-03T21:10:00Z"), SchedulerState.Initializing),
                (Utc("2025-03-03T21:10:00Z"), SchedulerState.EndOfDayPending),
                (Utc("2025-03-03T21:30:00Z"), SchedulerState.EndOfDayRunning),
                (Utc("2025-03-03T21:30:00Z"), SchedulerState.MarketClosed),
                (Utc("2025-03-04T05:00:00Z"), SchedulerState.WaitingForOpen),
                (Utc("2025-03-04T14:30:00Z"), SchedulerState.MarketOpen),
            ],
            run.States);
        Assert.Equal(
            [(Utc("2025-03-03T21:00:00Z"), Utc("2025-03-03T21:10:00Z")), (Utc("2025-03-04T14:45:00Z"), Utc("2025-03-04T14:45:00Z"))],
            run.Steps.Polls.Select(p => (p.Slot!.Value, p.At)));
    }

    [Theory]
    [InlineData(20, "2025-03-03T14:45:00Z", "2025-03-03T20:45:00Z")] // 15:45 ET: 16:05 would be after the close
    [InlineData(30, "2025-03-03T14:45:00Z", "2025-03-03T20:45:00Z")] // 15:45 ET
    [InlineData(5, "2025-03-03T14:45:00Z", "2025-03-03T21:00:00Z")]  // 16:00 ET: the close itself
    public void An_interval_that_does_not_divide_the_day_ends_before_the_close(int minutes, string first, string last)
    {
        var settings = new MonitorSettings { PollInterval = TimeSpan.FromMinutes(minutes) };
        var session = Spx.Research.Market.NyseCalendar.Default.Session(new DateOnly(2025, 3, 3));

        var schedule = SessionSchedule.For(session, settings);

        Assert.Equal(Every(first, last, TimeSpan.FromMinutes(minutes)), schedule.Polls);
        Assert.Equal(Utc("2025-03-03T21:30:00Z"), schedule.EndOfDay);
    }
}
