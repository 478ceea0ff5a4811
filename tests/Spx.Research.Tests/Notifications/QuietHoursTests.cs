using Spx.Research.Testing;
using Spx.Research.Configuration;
using Spx.Research.Market;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// Quiet hours are a New York time-of-day range, half open <c>[from, to)</c>, wrapping past midnight when from is
/// after to. What arrives inside is held and sent on the first call after they end (docs/notifications.md).
/// </summary>
public sealed class QuietHoursTests
{
    // from, to, New York date, New York time, quiet?
    [Theory]
    [InlineData("12:00", "13:00", "2025-03-03", "11:59", false)]
    [InlineData("12:00", "13:00", "2025-03-03", "12:00", true)]  // from is inside
    [InlineData("12:00", "13:00", "2025-03-03", "12:59", true)]
    [InlineData("12:00", "13:00", "2025-03-03", "13:00", false)] // to is outside
    [InlineData("22:00", "07:00", "2025-03-03", "21:59", false)] // overnight
    [InlineData("22:00", "07:00", "2025-03-03", "22:00", true)]
    [InlineData("22:00", "07:00", "2025-03-03", "23:59", true)]
    [InlineData("22:00", "07:00", "2025-03-04", "00:00", true)]
    [InlineData("22:00", "07:00", "2025-03-04", "06:59", true)]
    [InlineData("22:00", "07:00", "2025-03-04", "07:00", false)]
    [InlineData("22:00", "07:00", "2025-03-04", "12:00", false)]
    [InlineData("22:00", "07:00", "2025-03-10", "06:30", true)]  // the Monday after the spring DST switch: still New York time
    [InlineData("22:00", "07:00", "2025-03-10", "07:30", false)]
    [InlineData("22:00", "07:00", "2025-11-03", "06:30", true)]  // after the autumn switch
    public void Contains_is_New_York_time_of_day(string from, string to, string date, string time, bool quiet)
    {
        var hours = new QuietHours(TimeOnly.Parse(from), TimeOnly.Parse(to));
        var instant = NewYorkTime.ToUtc(DateOnly.Parse(date), TimeOnly.Parse(time));

        Assert.Equal(quiet, hours.Contains(instant));
    }

    [Fact]
    public void No_quiet_hours_is_never_quiet()
    {
        Assert.False(QuietHours.None.Contains(Harness.Morning));
        Assert.False(QuietHours.None.Any);
    }

    [Theory]
    [InlineData("22:00", null, "notifications: quiet hours need both ends, found quiet_from 22:00 and quiet_to (none).")]
    [InlineData(null, "07:00", "notifications: quiet hours need both ends, found quiet_from (none) and quiet_to 07:00.")]
    [InlineData("07:00", "07:00", "notifications: quiet_from and quiet_to are both 07:00; give a range, or neither for no quiet hours.")]
    public void Half_or_empty_ranges_are_refused_naming_the_keys(string? from, string? to, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new QuietHours(from is null ? null : TimeOnly.Parse(from), to is null ? null : TimeOnly.Parse(to)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task Inside_quiet_hours_nothing_is_sent_and_the_first_call_after_sends_what_was_held()
    {
        await using var slack = new Receiver();
        var harness = new Harness();
        harness.Clock.Now = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(23, 15));
        using var notifier = harness.Notifier(new NotificationSettings
        {
            Targets = [Harness.Slack(slack)],
            QuietFrom = new TimeOnly(22, 0),
            QuietTo = new TimeOnly(7, 0),
        });
        var late = Harness.Alert("2025-03-03|late", harness.Clock.Now);

        var during = await notifier.SendAsync([late]);
        harness.Clock.Now = NewYorkTime.ToUtc(new DateOnly(2025, 3, 4), new TimeOnly(6, 59));
        var stillQuiet = await notifier.FlushHeldAsync();

        Assert.Equal([new NotificationOutcome("", "2025-03-03|late", NotificationStatus.Held)], during);
        Assert.Empty(stillQuiet);
        Assert.Empty(slack.Seen);
        Assert.Equal([late], notifier.Held);
        Assert.Contains("notify: quiet hours until 07:00 New York; 1 notification(s) held (1 in all).", harness.Lines);

        harness.Clock.Now = NewYorkTime.ToUtc(new DateOnly(2025, 3, 4), new TimeOnly(9, 45));
        var morning = Harness.Alert("2025-03-04|new", harness.Clock.Now);
        var after = await notifier.SendAsync([morning]);

        Assert.Equal(
            [new("desk", "2025-03-03|late", NotificationStatus.Sent, 1), new NotificationOutcome("desk", "2025-03-04|new", NotificationStatus.Sent, 1)],
            after);
        Assert.Equal(2, slack.Seen.Count);
        Assert.Contains("late", slack.Seen[0].Body); // held first, in order
        Assert.Empty(notifier.Held);
    }

    [Fact]
    public async Task Outside_quiet_hours_messages_go_at_once()
    {
        await using var slack = new Receiver();
        var harness = new Harness();
        using var notifier = harness.Notifier(new NotificationSettings { Targets = [Harness.Slack(slack)], QuietFrom = new TimeOnly(12, 0), QuietTo = new TimeOnly(13, 0) });

        Assert.Equal(NotificationStatus.Sent, Assert.Single(await notifier.SendAsync([Harness.Alert()])).Status); // 10:30
        Assert.Single(slack.Seen);
    }

    [Fact]
    public async Task A_notification_held_longer_than_MaxHold_is_dropped_with_a_line()
    {
        await using var slack = new Receiver();
        var harness = new Harness();
        harness.Clock.Now = NewYorkTime.ToUtc(new DateOnly(2025, 3, 3), new TimeOnly(23, 0));
        var settings = new NotificationSettings { Targets = [Harness.Slack(slack)], QuietFrom = new TimeOnly(22, 0), QuietTo = new TimeOnly(7, 0) };
        using var notifier = new Notifier(settings, harness.Options with { MaxHold = TimeSpan.FromHours(6) });

        await notifier.SendAsync([Harness.Alert("old", harness.Clock.Now)]);
        harness.Clock.Now = NewYorkTime.ToUtc(new DateOnly(2025, 3, 4), new TimeOnly(7, 30)); // 8.5 h later
        var outcomes = await notifier.FlushHeldAsync();

        Assert.Equal([new NotificationOutcome("", "old", NotificationStatus.Expired)], outcomes);
        Assert.Empty(slack.Seen);
        Assert.Contains(harness.Lines, l => l.StartsWith("notify: old was held since 2025-03-04 04:00Z, longer than 6 h; dropped.", StringComparison.Ordinal));
    }
}
