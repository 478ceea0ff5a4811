using Spx.Research.Testing;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// One message per notification per target: a key a target already got is not sent again — within a call, across
/// calls, and across a restart through the state file in the lake's <c>_state</c> folder, which survives damage.
/// </summary>
public sealed class DeduplicationTests : IDisposable
{
    private readonly string _lake = Directory.CreateTempSubdirectory("spx-notify-").FullName;

    public void Dispose() => Directory.Delete(_lake, recursive: true);

    [Fact]
    public async Task The_same_key_is_sent_once_per_target_however_often_it_is_passed()
    {
        await using var slack = new Receiver();
        await using var hook = new Receiver();
        var harness = new Harness();
        using var notifier = harness.Notifier(Harness.Slack(slack), Harness.Webhook(hook));

        await notifier.SendAsync([Harness.Alert(), Harness.Alert()]);           // twice in one call (one poll)
        var again = await notifier.SendAsync([Harness.Alert(), Harness.Alert("2025-03-03|O:SPXW250404P05000000|dormancy")]); // the next poll

        Assert.Equal(2, slack.Seen.Count);
        Assert.Equal(2, hook.Seen.Count);
        Assert.Equal(
            [NotificationStatus.AlreadySent, NotificationStatus.Sent, NotificationStatus.AlreadySent, NotificationStatus.Sent],
            again.Select(o => o.Status));
    }

    [Fact]
    public async Task A_failed_target_is_tried_again_when_the_key_comes_again_and_the_others_are_not_repeated()
    {
        var slackUp = false;
        await using var slack = new Receiver(_ => Volatile.Read(ref slackUp) ? Reply.Ok : new Reply(404, "no_service"));
        await using var hook = new Receiver();
        var harness = new Harness();
        using var notifier = harness.Notifier(Harness.Slack(slack), Harness.Webhook(hook));

        await notifier.SendAsync([Harness.Alert()]);
        Volatile.Write(ref slackUp, true);
        var second = await notifier.SendAsync([Harness.Alert()]);

        Assert.Equal(2, slack.Seen.Count);
        Assert.Single(hook.Seen);
        Assert.Equal([NotificationStatus.Sent, NotificationStatus.AlreadySent], second.Select(o => o.Status));
    }

    [Fact]
    public async Task A_restart_with_the_state_file_does_not_send_again()
    {
        await using var slack = new Receiver();
        var state = NotificationState.PathInLake(_lake);
        var first = new Harness { StateFile = state };
        using (var notifier = first.Notifier(Harness.Slack(slack)))
        {
            await notifier.SendAsync([Harness.Alert()]);
        }

        var second = new Harness { StateFile = state };
        using (var notifier = second.Notifier(Harness.Slack(slack)))
        {
            Assert.Equal(NotificationStatus.AlreadySent, Assert.Single(await notifier.SendAsync([Harness.Alert()])).Status);
        }

        Assert.Single(slack.Seen);
        Assert.Equal(Path.Combine(_lake, "_state", "notifications.json"), state);
        Assert.Contains("2025-03-03|O:SPXW250404P05000000|multiplier", File.ReadAllText(state));
        Harness.AssertNoSecret(File.ReadAllText(state));
    }

    [Fact]
    public async Task Held_notifications_survive_a_restart()
    {
        await using var slack = new Receiver();
        var state = NotificationState.PathInLake(_lake);
        var settings = new Spx.Research.Configuration.NotificationSettings { Targets = [Harness.Slack(slack)], QuietFrom = new TimeOnly(12, 0), QuietTo = new TimeOnly(13, 0) };
        var noon = Harness.Morning.AddHours(2); // 12:30 New York
        var before = new Harness { StateFile = state };
        before.Clock.Now = noon;
        using (var notifier = before.Notifier(settings))
        {
            await notifier.SendAsync([Harness.Alert(at: noon)]);
        }

        var after = new Harness { StateFile = state };
        after.Clock.Now = noon.AddHours(1);
        using (var notifier = after.Notifier(settings))
        {
            Assert.Equal(Harness.Alert(at: noon).Key, Assert.Single(notifier.Held).Key);
            Assert.Equal(NotificationStatus.Sent, Assert.Single(await notifier.FlushHeldAsync()).Status);
        }

        Assert.Single(slack.Seen);
    }

    [Theory]
    [InlineData("{\"sent\": [{\"target\": \"desk\", \"key\": \"2025-03-03|O:SPXW250404P05000000|multipl")] // cut short
    [InlineData("\0\0\0\0\0\0\0\0")]                                                                       // zeroed by a crash
    [InlineData("{\"sent\": [{\"target\": \"desk\"}], \"held\": []}")]                                      // an entry without its key
    [InlineData("[1, 2, 3]")]                                                                               // not the shape at all
    public async Task A_damaged_state_file_is_set_aside_with_one_line_and_sending_goes_on(string damaged)
    {
        await using var slack = new Receiver();
        var state = NotificationState.PathInLake(_lake);
        Directory.CreateDirectory(Path.GetDirectoryName(state)!);
        await File.WriteAllTextAsync(state, damaged);
        var harness = new Harness { StateFile = state };

        using var notifier = harness.Notifier(Harness.Slack(slack));
        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Sent, outcome.Status);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(state)!, "notifications.json.damaged-*"));
        Assert.Equal(damaged, await File.ReadAllTextAsync(aside)); // kept for a look, not lost
        var line = Assert.Single(harness.Lines, l => l.StartsWith($"notify: state file {state} is not valid (", StringComparison.Ordinal));
        Assert.EndsWith($"moved to {aside}, starting empty, so keys sent before may be sent again.", line);
        Assert.Contains("multiplier", await File.ReadAllTextAsync(state)); // a fresh, valid file
    }

    [Fact]
    public async Task A_state_file_that_cannot_be_written_is_one_line_and_sending_goes_on_in_memory()
    {
        await using var slack = new Receiver();
        await File.WriteAllTextAsync(Path.Combine(_lake, "_state"), "a file where the folder should be");
        var state = NotificationState.PathInLake(_lake);
        var harness = new Harness { StateFile = state };
        using var notifier = harness.Notifier(Harness.Slack(slack));

        var first = await notifier.SendAsync([Harness.Alert()]);
        var again = await notifier.SendAsync([Harness.Alert()]);

        Assert.Equal(NotificationStatus.Sent, Assert.Single(first).Status);
        Assert.Equal(NotificationStatus.AlreadySent, Assert.Single(again).Status); // remembered in memory
        Assert.Single(slack.Seen);
        var line = Assert.Single(harness.Lines, l => l.StartsWith("notify: state file", StringComparison.Ordinal));
        Assert.StartsWith($"notify: state file {state} cannot be written (", line);
        Assert.EndsWith("); keeping what is sent in memory only.", line);
    }

    [Fact]
    public async Task Sent_keys_older_than_Remember_are_forgotten()
    {
        await using var slack = new Receiver();
        var harness = new Harness { StateFile = NotificationState.PathInLake(_lake) };
        using var notifier = new Notifier(new Spx.Research.Configuration.NotificationSettings { Targets = [Harness.Slack(slack)] }, harness.Options with { Remember = TimeSpan.FromDays(7) });

        await notifier.SendAsync([Harness.Alert()]);
        harness.Clock.Now = Harness.Morning.AddDays(8);
        await notifier.SendAsync([Harness.Alert("2025-03-11|other")]);

        Assert.DoesNotContain("multiplier", await File.ReadAllTextAsync(NotificationState.PathInLake(_lake)));
    }
}
