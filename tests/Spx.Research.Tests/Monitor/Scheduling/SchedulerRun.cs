using System.Globalization;
using Spx.Research.Configuration;
using Spx.Research.Monitor.Scheduling;
using Spx.Research.Testing;

namespace Spx.Research.Tests.Monitor.Scheduling;

/// <summary>A scheduler on fake steps in fake time, started at a UTC instant; what it did and said.</summary>
internal sealed class SchedulerRun
{
    public SchedulerRun(string startUtc, MonitorSettings? settings = null)
    {
        Time = new JumpingTime(Utc(startUtc));
        Steps = new FakeSteps(Time);
        Scheduler = new MonitorScheduler(Steps, settings ?? new MonitorSettings(), Log, Time);
        Scheduler.StateChanged += (at, state) => { lock (States) States.Add((at, state)); };
    }

    public JumpingTime Time { get; }

    public FakeSteps Steps { get; }

    public RecordingLog Log { get; } = new();

    public MonitorScheduler Scheduler { get; }

    public List<(DateTimeOffset At, SchedulerState State)> States { get; } = [];

    public Task Once() => Scheduler.RunAsync(once: true);

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Every <paramref name="interval"/> from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static List<DateTimeOffset> Every(string first, string last, TimeSpan interval)
    {
        var slots = new List<DateTimeOffset>();
        for (var t = Utc(first); t <= Utc(last); t += interval) slots.Add(t);
        return slots;
    }
}
