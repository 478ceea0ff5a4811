using System.Globalization;
using Spx.Research.Configuration;
using Spx.Research.Market;
using static Spx.Research.Monitor.Scheduling.ScheduleText;

namespace Spx.Research.Monitor.Scheduling;

/// <summary>
/// The unattended monitor: one long-running loop over the NYSE calendar, no cron. It works out the next
/// step from the clock, the calendar and what is already stored (<see cref="IMonitorSteps"/>), waits for it
/// in the injected <see cref="TimeProvider"/> (so tests run in fake time and a simulator's clock can drive it),
/// runs it with retries, and logs every state change and step. Details: docs/monitor-scheduling.md.
/// </summary>
/// <remarks>
/// Resume rules: slots already stored are skipped; the current slot (the latest one at or before now) is
/// polled at once if it is missing; older missed slots are not back-filled (their data is gone from the
/// snapshot endpoints). A missed end of day of the latest finished session is run late if that session has
/// polls. A stop (Ctrl+C, SIGTERM) is honoured only while waiting: a running step always finishes.
/// </remarks>
public sealed class MonitorScheduler
{
    private readonly IMonitorSteps _steps;
    private readonly MonitorSettings _settings;
    private readonly IMonitorLog _log;
    private readonly TimeProvider _time;
    private readonly NyseCalendar _calendar;
    private readonly Dictionary<DateOnly, SessionProgress> _progress = [];
    private (DateOnly Session, DateTimeOffset? Slot)? _announced;

    public MonitorScheduler(IMonitorSteps steps, MonitorSettings settings, IMonitorLog log, TimeProvider time, NyseCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        if (settings.PollAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.PollAttempts, $"monitor.poll_attempts must be at least 1, found {settings.PollAttempts}.");
        if (settings.PollRetryWait < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(settings), settings.PollRetryWait, $"monitor.poll_retry_wait must not be negative, found {settings.PollRetryWait}.");
        _steps = steps;
        _settings = settings;
        _log = log;
        _time = time;
        _calendar = calendar ?? NyseCalendar.Default;
    }

    /// <summary>The state now.</summary>
    public SchedulerState State { get; private set; } = SchedulerState.Initializing;

    /// <summary>Raised on every state change, with the scheduler's clock at the change.</summary>
    public event Action<DateTimeOffset, SchedulerState>? StateChanged;

    /// <summary>The schedule of one session under these settings.</summary>
    public SessionSchedule ScheduleOf(MarketSession session) => SessionSchedule.For(session, _settings);

    /// <summary>
    /// Runs until <paramref name="stop"/> is cancelled (between steps), or with <paramref name="once"/> until the
    /// first end of day it runs (the current or next session's, or a missed one of the latest session).
    /// </summary>
    public async Task RunAsync(bool once = false, CancellationToken stop = default)
    {
        Write(MonitorLogLevel.Info, $"state: {SchedulerState.Initializing.Text()}: first poll {Wait(_settings.DataDelay)} after the open, then every " +
            $"{Wait(_settings.PollInterval)} up to the close; end of day {Wait(_settings.EndOfDayDelay)} after the close; " +
            $"{_settings.PollAttempts} attempt(s) per step, {Wait(_settings.PollRetryWait)} apart{(once ? "; --once: exit after end of day" : "")}");
        StateChanged?.Invoke(Now, SchedulerState.Initializing);
        while (!stop.IsCancellationRequested)
        {
            var now = Now;
            var step = await PlanAsync(now).ConfigureAwait(false);
            var progress = _progress[step.Session];
            if (step.At > now)
            {
                var changed = Enter(StateAt(now, step), now, step);
                Announce(step, now, changed);
                if (!await WaitUntilAsync(Min(step.At, NextBoundary(now)), stop).ConfigureAwait(false)) break;
                continue;
            }

            if (step.Slot is { } slot)
            {
                Enter(StateAt(now, step), now, step);
                var outcome = await RetryAsync($"poll {When(slot, now)}", () => _steps.PollAsync(slot, CancellationToken.None), Late(slot, now), stop).ConfigureAwait(false);
                if (outcome == StepOutcome.Done) progress.Polled(slot);
                else if (outcome == StepOutcome.GivenUp) progress.GaveUp(slot);
                else break;
                continue;
            }

            Enter(SchedulerState.EndOfDayRunning, now, step);
            var label = string.Create(CultureInfo.InvariantCulture, $"end of day {step.Session:yyyy-MM-dd}");
            var result = await RetryAsync(label, () => _steps.EndOfDayAsync(step.Session, CancellationToken.None), Late(step.Schedule.EndOfDay, now), stop).ConfigureAwait(false);
            if (result == StepOutcome.Done) progress.EndOfDayRan();
            else if (result == StepOutcome.GivenUp) progress.EndOfDayFailed();
            else break;
            if (once)
            {
                Write(MonitorLogLevel.Info, "--once: end of day ran; exiting");
                return;
            }
        }

        Write(MonitorLogLevel.Info, "stop requested: stopped between steps");
    }

    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The next step: a missed end of day first, then the current slot if missing, the next slot, end of day.</summary>
    private async Task<PlannedStep> PlanAsync(DateTimeOffset now)
    {
        var today = NewYorkTime.LocalDate(now);
        var latest = ScheduleOf(_calendar.SessionOnOrBefore(today));
        if (latest.EndOfDay > now) latest = ScheduleOf(_calendar.PreviousSession(latest.Session.Date));
        Forget(before: latest.Session.Date);
        var latestProgress = await ProgressAsync(latest, now).ConfigureAwait(false);
        if (!latestProgress.EndOfDaySettled && latestProgress.StoredPolls > 0)
            return new PlannedStep(latest, now, null);

        var schedule = ScheduleOf(_calendar.SessionOnOrAfter(today));
        if (schedule.EndOfDay <= now) schedule = ScheduleOf(_calendar.NextSession(schedule.Session.Date));
        var progress = await ProgressAsync(schedule, now).ConfigureAwait(false);
        while (progress.EndOfDaySettled)
        {
            schedule = ScheduleOf(_calendar.NextSession(schedule.Session.Date));
            progress = await ProgressAsync(schedule, now).ConfigureAwait(false);
        }

        if (CurrentSlot(schedule, now) is { } current && !progress.IsSettled(current))
            return new PlannedStep(schedule, now, current);
        foreach (var slot in schedule.Polls)
        {
            if (slot > now && !progress.IsSettled(slot)) return new PlannedStep(schedule, slot, slot);
        }

        return new PlannedStep(schedule, Max(now, schedule.EndOfDay), null);
    }

    private static DateTimeOffset? CurrentSlot(SessionSchedule schedule, DateTimeOffset now)
    {
        DateTimeOffset? current = null;
        foreach (var slot in schedule.Polls)
        {
            if (slot <= now) current = slot;
        }

        return current;
    }

    /// <summary>What is stored for a session, read once; says what a resume skips.</summary>
    private async Task<SessionProgress> ProgressAsync(SessionSchedule schedule, DateTimeOffset now)
    {
        var date = schedule.Session.Date;
        if (_progress.TryGetValue(date, out var known)) return known;

        IReadOnlySet<DateTimeOffset> stored;
        bool endOfDayDone;
        try
        {
            stored = await _steps.StoredPollsAsync(date, CancellationToken.None).ConfigureAwait(false);
            endOfDayDone = await _steps.EndOfDayDoneAsync(date, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            Write(MonitorLogLevel.Warning, $"resume: cannot read what is stored for {Iso(date)} ({OneLine(failure)}); assuming nothing is (a repeated poll of a stored instant changes nothing)");
            stored = new HashSet<DateTimeOffset>();
            endOfDayDone = false;
        }

        var progress = _progress[date] = new SessionProgress(stored, endOfDayDone);
        if (stored.Count > 0 || endOfDayDone)
        {
            var current = CurrentSlot(schedule, now);
            var missed = schedule.Polls.Where(s => s < current && !progress.WasPolled(s)).ToList();
            Write(MonitorLogLevel.Info, $"resume {Iso(date)}: {stored.Count} poll(s) stored" +
                (endOfDayDone ? ", end of day done" : "") +
                (missed.Count > 0 ? $"; missed slots not back-filled: {string.Join(", ", missed.Select(s => When(s, now)))}" : ""));
        }

        return progress;
    }

    private void Forget(DateOnly before)
    {
        foreach (var date in _progress.Keys.Where(d => d < before).ToList()) _progress.Remove(date);
    }

    private SchedulerState StateAt(DateTimeOffset now, PlannedStep step)
    {
        var today = NewYorkTime.LocalDate(now);
        if (_calendar.GetSession(today) is not { } session)
            return _calendar.Holiday(today) is { IsClosed: true } ? SchedulerState.Holiday : SchedulerState.Weekend;
        if (now < session.Open) return SchedulerState.WaitingForOpen;
        if (now < session.Close) return SchedulerState.MarketOpen;
        if (step.Session != today) return SchedulerState.MarketClosed;
        return step.Slot == now ? SchedulerState.MarketOpen : SchedulerState.EndOfDayPending;
    }

    /// <summary>Logs a state change (with the next open when idle); true when the state changed.</summary>
    private bool Enter(SchedulerState state, DateTimeOffset now, PlannedStep step)
    {
        if (state == State) return false;
        var previous = State;
        State = state;
        var detail = state switch
        {
            SchedulerState.Holiday => $" ({_calendar.Holiday(NewYorkTime.LocalDate(now))!.Name}; next open {When(step.Schedule.Session.Open, now)})",
            SchedulerState.Weekend or SchedulerState.MarketClosed or SchedulerState.WaitingForOpen => $" (next open {When(step.Schedule.Session.Open, now)})",
            _ => "",
        };
        Write(MonitorLogLevel.Info, $"state: {previous.Text()} -> {state.Text()}{detail}");
        StateChanged?.Invoke(now, state);
        return true;
    }

    /// <summary>"next: poll at 10:00 ET (in 14m 30s)", once per step (again after a state change).</summary>
    private void Announce(PlannedStep step, DateTimeOffset now, bool stateChanged)
    {
        var key = (step.Session, step.Slot);
        if (!stateChanged && _announced == key) return;
        _announced = key;
        var what = step.IsPoll ? "poll" : string.Create(CultureInfo.InvariantCulture, $"end of day {step.Session:yyyy-MM-dd}");
        Write(MonitorLogLevel.Info, $"next: {what} at {When(step.At, now)} (in {Wait(step.At - now)})");
    }

    /// <summary>One step with up to <see cref="MonitorSettings.PollAttempts"/> attempts; a failure never escapes.</summary>
    private async Task<StepOutcome> RetryAsync(string what, Func<Task<string>> step, string late, CancellationToken stop)
    {
        var attempts = _settings.PollAttempts;
        for (var attempt = 1; ; attempt++)
        {
            var tries = attempts > 1 ? string.Create(CultureInfo.InvariantCulture, $" (attempt {attempt}/{attempts})") : "";
            DateTimeOffset retryAt;
            try
            {
                var summary = await step().ConfigureAwait(false);
                Write(MonitorLogLevel.Info, $"{what}: {summary}{late}{(attempt > 1 ? tries : "")}");
                return StepOutcome.Done;
            }
            catch (Exception failure)
            {
                if (attempt >= attempts)
                {
                    Write(MonitorLogLevel.Error, $"{what} failed{tries}: {OneLine(failure)}; given up, the schedule goes on");
                    return StepOutcome.GivenUp;
                }

                retryAt = Now + _settings.PollRetryWait;
                Write(MonitorLogLevel.Warning, $"{what} failed{tries}: {OneLine(failure)}; retry at {When(retryAt, Now)} (in {Wait(_settings.PollRetryWait)})");
            }

            if (!await WaitUntilAsync(retryAt, stop).ConfigureAwait(false)) return StepOutcome.Stopped;
        }
    }

    /// <summary>Waits in the scheduler's clock; false when a stop was requested. Loops because a server clock's timers may wake early.</summary>
    private async Task<bool> WaitUntilAsync(DateTimeOffset target, CancellationToken stop)
    {
        while (true)
        {
            var left = target - Now;
            if (left <= TimeSpan.Zero) return !stop.IsCancellationRequested;
            try
            {
                // Task.Delay counts whole milliseconds: a shorter wait would complete at once without time moving.
                await Task.Delay(left < MinimumWait ? MinimumWait : left, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    /// <summary>The next instant the state can change without a step: New York midnight, the open, the close.</summary>
    private DateTimeOffset NextBoundary(DateTimeOffset now)
    {
        var today = NewYorkTime.LocalDate(now);
        var boundary = NewYorkTime.ToUtc(today.AddDays(1), TimeOnly.MinValue);
        if (_calendar.GetSession(today) is { } session)
        {
            if (session.Open > now) boundary = Min(boundary, session.Open);
            else if (session.Close > now) boundary = Min(boundary, session.Close);
        }

        return boundary;
    }

    private string Late(DateTimeOffset due, DateTimeOffset now) =>
        now - due >= TimeSpan.FromSeconds(1) ? $" (late by {Wait(now - due)})" : "";

    private void Write(MonitorLogLevel level, string message) => _log.Write(Now, level, message);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string OneLine(Exception failure) =>
        string.Join(' ', $"{failure.GetType().Name}: {failure.Message}".Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private enum StepOutcome { Done, GivenUp, Stopped }
}
