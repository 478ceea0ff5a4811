using Spx.Research.Configuration;
using Spx.Research.Monitor.Scheduling;
using static Spx.Research.Tests.Monitor.Scheduling.SchedulerRun;

namespace Spx.Research.Tests.Monitor.Scheduling;

/// <summary>
/// Failures, restarts and stops on 2025-03-03 (EST, UTC−5: 09:45 ET = 14:45 UTC). Defaults: 3 attempts 60 s
/// apart; a step that fails every attempt is given up and the schedule goes on.
/// </summary>
public sealed class MonitorSchedulerResilienceTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task A_poll_that_always_fails_is_tried_three_times_60_s_apart_then_the_next_slot_runs()
    {
        var run = new SchedulerRun("2025-03-03T14:40:00Z");
        run.Steps.Fails = call => call.Slot == Utc("2025-03-03T14:45:00Z");

        await run.Once();

        Assert.Equal(
            [
                (Utc("2025-03-03T14:45:00Z"), Utc("2025-03-03T14:45:00Z"), 1),
                (Utc("2025-03-03T14:45:00Z"), Utc("2025-03-03T14:46:00Z"), 2),
                (Utc("2025-03-03T14:45:00Z"), Utc("2025-03-03T14:47:00Z"), 3),
                (Utc("2025-03-03T15:00:00Z"), Utc("2025-03-03T15:00:00Z"), 1),
            ],
            run.Steps.Polls.Take(4).Select(p => (p.Slot!.Value, p.At, p.Attempt)));
        Assert.Equal(Every("2025-03-03T15:00:00Z", "2025-03-03T21:00:00Z", Quarter), run.Steps.Stored.Order());
        Assert.Single(run.Steps.EndOfDays);
        Assert.Contains(run.Log.Lines, l => l.StartsWith("2025-03-03 09:45:00 ET warn  poll 09:45 ET failed (attempt 1/3): HttpRequestException: simulated 503", StringComparison.Ordinal)
            && l.EndsWith("; retry at 09:46 ET (in 1m)", StringComparison.Ordinal));
        Assert.Contains(run.Log.Lines, l => l.StartsWith("2025-03-03 09:47:00 ET error poll 09:45 ET failed (attempt 3/3)", StringComparison.Ordinal)
            && l.EndsWith("given up, the schedule goes on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_poll_that_recovers_on_a_retry_is_stored_once_and_says_which_attempt()
    {
        var run = new SchedulerRun("2025-03-03T14:40:00Z", new MonitorSettings { PollAttempts = 4, PollRetryWait = TimeSpan.FromSeconds(20) });
        run.Steps.Fails = call => call.Slot == Utc("2025-03-03T14:45:00Z") && call.Attempt < 3;

        await run.Once();

        Assert.Equal(
            [Utc("2025-03-03T14:45:00Z"), Utc("2025-03-03T14:45:20Z"), Utc("2025-03-03T14:45:40Z"), Utc("2025-03-03T15:00:00Z")],
            run.Steps.Polls.Take(4).Select(p => p.At));
        Assert.Contains("2025-03-03 09:45:40 ET info  poll 09:45 ET: 12 contracts (attempt 3/4)", run.Log.Lines);
        Assert.Equal(26, run.Steps.Stored.Count);
    }

    [Fact]
    public async Task A_failed_end_of_day_is_retried_and_never_escapes()
    {
        var run = new SchedulerRun("2025-03-03T20:50:00Z");
        run.Steps.Fails = call => call.Kind == "eod";

        await run.Once(); // returns normally: the failure is logged, not thrown

        Assert.Equal(
            [Utc("2025-03-03T21:30:00Z"), Utc("2025-03-03T21:31:00Z"), Utc("2025-03-03T21:32:00Z")],
            run.Steps.EndOfDays.Select(e => e.At));
        Assert.Contains(run.Log.Lines, l => l.Contains("error end of day 2025-03-03 failed (attempt 3/3): IOException: simulated disk full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_mid_day_skips_stored_polls_polls_the_missed_current_slot_and_does_not_back_fill()
    {
        // Stored before the restart: 09:45 .. 10:30 ET. The process was down 10:31–11:07 ET.
        var run = new SchedulerRun("2025-03-03T16:07:00Z");
        var before = Every("2025-03-03T14:45:00Z", "2025-03-03T15:30:00Z", Quarter);
        run.Steps.Stored.UnionWith(before);

        await run.Once();

        var polls = run.Steps.Polls;
        Assert.Equal((Utc("2025-03-03T16:00:00Z"), Utc("2025-03-03T16:07:00Z")), (polls[0].Slot!.Value, polls[0].At)); // 11:00 ET, late
        Assert.Equal(Every("2025-03-03T16:00:00Z", "2025-03-03T21:00:00Z", Quarter), polls.Select(p => p.Slot!.Value));
        Assert.DoesNotContain(Utc("2025-03-03T15:45:00Z"), run.Steps.Stored); // 10:45 ET: missed, not back-filled
        Assert.Contains("2025-03-03 11:07:00 ET info  resume 2025-03-03: 4 poll(s) stored; missed slots not back-filled: 10:45 ET", run.Log.Lines);
        Assert.Contains("2025-03-03 11:07:00 ET info  poll 11:00 ET: 12 contracts (late by 7m)", run.Log.Lines);
    }

    [Fact]
    public async Task A_restart_whose_current_slot_is_stored_waits_for_the_next_one()
    {
        var run = new SchedulerRun("2025-03-03T15:35:00Z");
        run.Steps.Stored.UnionWith(Every("2025-03-03T14:45:00Z", "2025-03-03T15:30:00Z", Quarter));

        await run.Once();

        Assert.Equal((Utc("2025-03-03T15:45:00Z"), Utc("2025-03-03T15:45:00Z")), (run.Steps.Polls[0].Slot!.Value, run.Steps.Polls[0].At));
        Assert.Equal(Every("2025-03-03T14:45:00Z", "2025-03-03T21:00:00Z", Quarter), run.Steps.Stored.Order());
    }

    [Fact]
    public async Task A_restart_after_a_missed_end_of_day_runs_it_late_and_one_whose_end_of_day_ran_goes_to_the_next_session()
    {
        // Tuesday 08:00 ET; Monday has polls but no end of day.
        var late = new SchedulerRun("2025-03-04T13:00:00Z");
        late.Steps.Stored.Add(Utc("2025-03-03T14:45:00Z"));

        await late.Once();

        Assert.Equal(("eod", new DateOnly(2025, 3, 3), Utc("2025-03-04T13:00:00Z")), late.Steps.Calls.Select(c => (c.Kind, c.Session!.Value, c.At)).Single());

        // Monday 17:00 ET, end of day already done: nothing more for Monday; Tuesday is next.
        var done = new SchedulerRun("2025-03-03T22:00:00Z");
        done.Steps.Stored.Add(Utc("2025-03-03T21:00:00Z"));
        done.Steps.EndOfDayDone.Add(new DateOnly(2025, 3, 3));

        await done.Once();

        Assert.Equal(Utc("2025-03-04T14:45:00Z"), done.Steps.Calls[0].Slot);
        Assert.Equal(new DateOnly(2025, 3, 4), Assert.Single(done.Steps.EndOfDays).Session);
    }

    [Fact]
    public async Task A_stop_during_a_poll_lets_the_poll_finish_and_runs_nothing_after_it()
    {
        var run = new SchedulerRun("2025-03-03T14:40:00Z");
        using var stop = new CancellationTokenSource();
        run.Steps.During = call => { if (call.Slot == Utc("2025-03-03T15:00:00Z")) stop.Cancel(); };

        await run.Scheduler.RunAsync(once: false, stop.Token);

        Assert.Equal([Utc("2025-03-03T14:45:00Z"), Utc("2025-03-03T15:00:00Z")], run.Steps.Polls.Select(p => p.Slot!.Value));
        Assert.All(run.Steps.Polls, p => Assert.False(p.TokenCancelled));
        Assert.Contains(Utc("2025-03-03T15:00:00Z"), run.Steps.Stored); // the step that saw the stop completed
        Assert.Equal("2025-03-03 10:00:00 ET info  stop requested: stopped between steps", run.Log.Lines[^1]);
    }

    [Fact]
    public async Task A_stop_during_a_failed_attempt_skips_the_retry()
    {
        var run = new SchedulerRun("2025-03-03T14:40:00Z");
        using var stop = new CancellationTokenSource();
        run.Steps.Fails = _ => true;
        run.Steps.During = _ => stop.Cancel();

        await run.Scheduler.RunAsync(once: false, stop.Token);

        var only = Assert.Single(run.Steps.Calls);
        Assert.Equal(1, only.Attempt);
        Assert.EndsWith("stop requested: stopped between steps", run.Log.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stop_while_waiting_returns_at_once_without_a_step()
    {
        var run = new SchedulerRun("2025-03-08T15:00:00Z"); // Saturday
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        await run.Scheduler.RunAsync(once: false, stop.Token);

        Assert.Empty(run.Steps.Calls);
    }

    [Fact]
    public async Task A_lake_that_cannot_say_what_is_stored_is_logged_and_the_schedule_still_runs()
    {
        var time = new Spx.Research.Testing.JumpingTime(Utc("2025-03-03T20:50:00Z"));
        var steps = new BrokenResumeSteps(new FakeSteps(time));
        var log = new RecordingLog();

        await new MonitorScheduler(steps, new MonitorSettings(), log, time).RunAsync(once: true);

        Assert.Contains(log.Lines, l => l.Contains("warn  resume: cannot read what is stored for 2025-03-03 (InvalidDataException: monitor_polls/date=2025-03-03/part-1.parquet is not a Parquet file)", StringComparison.Ordinal));
        Assert.Equal([Utc("2025-03-03T20:45:00Z"), Utc("2025-03-03T21:00:00Z")], steps.Inner.Polls.Select(p => p.Slot!.Value));
    }

    private sealed class BrokenResumeSteps(FakeSteps inner) : IMonitorSteps
    {
        public FakeSteps Inner => inner;

        public Task<string> PollAsync(DateTimeOffset instant, CancellationToken cancellationToken) => inner.PollAsync(instant, cancellationToken);

        public Task<string> EndOfDayAsync(DateOnly session, CancellationToken cancellationToken) => inner.EndOfDayAsync(session, cancellationToken);

        public Task<IReadOnlySet<DateTimeOffset>> StoredPollsAsync(DateOnly session, CancellationToken cancellationToken) =>
            throw new InvalidDataException($"monitor_polls/date={session:yyyy-MM-dd}/part-1.parquet is not a Parquet file");

        public Task<bool> EndOfDayDoneAsync(DateOnly session, CancellationToken cancellationToken) => inner.EndOfDayDoneAsync(session, cancellationToken);
    }
}
