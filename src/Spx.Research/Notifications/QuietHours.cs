using System.Globalization;
using Spx.Research.Market;

namespace Spx.Research.Notifications;

/// <summary>
/// A New York time-of-day range with no messages: <c>[From, To)</c>, wrapping past midnight when <c>From</c> is after
/// <c>To</c> (22:00–07:00). New York time, not UTC, because that is the clock the trader sleeps by; DST is the zone's.
/// </summary>
public sealed class QuietHours
{
    /// <summary>No quiet hours.</summary>
    public static QuietHours None { get; } = new(null, null);

    private readonly TimeOnly? _from;
    private readonly TimeOnly? _to;

    /// <exception cref="ArgumentException">Only one end is given, or both are the same time (an empty or a 24-hour range is ambiguous).</exception>
    public QuietHours(TimeOnly? from, TimeOnly? to)
    {
        if (from.HasValue != to.HasValue)
        {
            throw new ArgumentException($"notifications: quiet hours need both ends, found quiet_from {Show(from)} and quiet_to {Show(to)}.");
        }

        if (from.HasValue && from == to)
        {
            throw new ArgumentException($"notifications: quiet_from and quiet_to are both {Show(from)}; give a range, or neither for no quiet hours.");
        }

        _from = from;
        _to = to;
    }

    /// <summary>Whether there are quiet hours at all.</summary>
    public bool Any => _from.HasValue;

    /// <summary>Whether no message may be sent at <paramref name="instant"/>.</summary>
    public bool Contains(DateTimeOffset instant)
    {
        if (_from is not { } from || _to is not { } to) return false;
        var time = TimeOnly.FromTimeSpan(NewYorkTime.ToLocal(instant).TimeOfDay);
        return from < to ? time >= from && time < to : time >= from || time < to;
    }

    /// <summary>The end of the quiet hours as a New York wall-clock time, for log lines.</summary>
    public string EndText => Show(_to);

    private static string Show(TimeOnly? time) => time?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "(none)";
}
