using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Monitor.Scheduling;

/// <summary>Times and waits as the scheduler's log says them: <c>10:00 ET</c>, <c>Mon 2025-03-10 09:45 ET</c>, <c>14m 30s</c>.</summary>
public static class ScheduleText
{
    /// <summary><c>HH:mm ET</c> when <paramref name="instant"/> falls on the New York date of <paramref name="now"/>, else with weekday and date.</summary>
    public static string When(DateTimeOffset instant, DateTimeOffset now)
    {
        var local = NewYorkTime.ToLocal(instant);
        return NewYorkTime.LocalDate(instant) == NewYorkTime.LocalDate(now)
            ? local.ToString("HH:mm", CultureInfo.InvariantCulture) + " ET"
            : local.ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " ET";
    }

    /// <summary>A wait in the two largest units that matter: <c>2d 3h</c>, <c>14m 30s</c>, <c>45s</c>, <c>0s</c>.</summary>
    public static string Wait(TimeSpan wait)
    {
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        var seconds = (long)Math.Round(wait.TotalSeconds, MidpointRounding.AwayFromZero);
        var parts = new (long Value, string Unit)[]
        {
            (seconds / 86_400, "d"), (seconds / 3_600 % 24, "h"), (seconds / 60 % 60, "m"), (seconds % 60, "s"),
        };
        var first = Array.FindIndex(parts, p => p.Value > 0);
        if (first < 0) return "0s";
        var shown = parts.Skip(first).Take(2).Where(p => p.Value > 0);
        return string.Join(' ', shown.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value}{p.Unit}")));
    }
}
