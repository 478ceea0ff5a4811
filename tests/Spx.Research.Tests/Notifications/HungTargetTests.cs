using Spx.Research.Testing;
using Spx.Research.Configuration;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// A service that accepts the connection and never answers costs its own target at most the attempt timeout per
/// attempt, and costs the other targets nothing: targets are served side by side.
/// </summary>
public sealed class HungTargetTests
{
    [Fact]
    public async Task A_hung_receiver_times_out_and_the_other_target_is_still_served()
    {
        await using var hung = new Receiver(_ => new Reply { Hang = true });
        await using var slack = new Receiver();
        var harness = new Harness { AttemptTimeout = TimeSpan.FromSeconds(1) };
        using var notifier = harness.Notifier(new NotificationSettings { Targets = [Harness.Webhook(hung), Harness.Slack(slack)], Retries = 1 });

        var outcomes = await notifier.SendAsync([Harness.Alert(), Harness.Alert("2025-03-03|second")]);

        // The hung target: two attempts for the first notification, each given up after the timeout; the second is not tried.
        Assert.Equal(
            [
                new("hook", "2025-03-03|O:SPXW250404P05000000|multiplier", NotificationStatus.Failed, 2, "no response within 1 s, 2 attempts"),
                new NotificationOutcome("hook", "2025-03-03|second", NotificationStatus.Failed, 0, "skipped: this target failed earlier in the same call (no response within 1 s, 2 attempts)"),
            ],
            outcomes.Where(o => o.Target == "hook"));
        Assert.Contains("notify hook (webhook): no response within 1 s; retry 1/1 in 0.01 s", harness.Lines);
        Assert.Contains("notify hook (webhook): 2025-03-03|O:SPXW250404P05000000|multiplier not sent: no response within 1 s, 2 attempts", harness.Lines);
        Assert.All(hung.Seen, r => Assert.Contains("multiplier", r.Body));

        // The other target got both messages.
        Assert.Equal([NotificationStatus.Sent, NotificationStatus.Sent], outcomes.Where(o => o.Target == "desk").Select(o => o.Status));
        Assert.Equal(2, slack.Seen.Select(r => r.Body).Distinct().Count());
    }

    [Fact]
    public async Task Targets_are_served_side_by_side_not_one_after_another()
    {
        // The slow receiver answers only once the fast one has its request. Served one after another, the fast target
        // would wait for the slow one, which would then time out (60 s) and fail: the outcome would be Failed.
        await using var fast = new Receiver();
        await using var slow = new Receiver(_ => new Reply { After = fast.FirstRequest });
        var harness = new Harness { AttemptTimeout = TimeSpan.FromSeconds(60) };
        using var notifier = harness.Notifier(new NotificationSettings { Targets = [Harness.Webhook(slow, "slow"), Harness.Slack(fast, "fast")], Retries = 0 });

        var outcomes = await notifier.SendAsync([Harness.Alert()]);

        Assert.All(outcomes, o => Assert.Equal(NotificationStatus.Sent, o.Status));
        Assert.Equal(["slow", "fast"], outcomes.Select(o => o.Target));
    }
}
