using Microsoft.Extensions.Time.Testing;

namespace Spx.Research.Testing;

/// <summary>
/// Fake time that moves only when something waits: creating a timer moves the clock straight to its due
/// time (on another thread, as a real timer fires). With one waiter at a time — a scheduler's loop — a whole
/// market day runs in milliseconds and every step happens at its exact instant.
/// </summary>
internal sealed class JumpingTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            var due = GetUtcNow() + dueTime;
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (GetUtcNow() < due) SetUtcNow(due);
            });
        }

        return timer;
    }
}
