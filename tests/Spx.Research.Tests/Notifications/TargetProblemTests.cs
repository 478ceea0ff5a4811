using Spx.Research.Testing;
using Spx.Research.Configuration;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// Targets that cannot be used are one line each, naming the target and what is missing, and never keep the other
/// targets from getting their messages; nothing throws out of the notifier.
/// </summary>
public sealed class TargetProblemTests
{
    [Fact]
    public async Task An_unset_secret_variable_is_one_line_and_the_other_targets_still_get_the_message()
    {
        await using var slack = new Receiver();
        await using var telegram = new Receiver(_ => new Reply(200, """{"ok":true}"""));
        var harness = new Harness();
        harness.Environment.Remove("DISCORD_WEBHOOK_URL");
        using var notifier = harness.Notifier(Harness.Slack(slack), new("discord", "discord-desk") { SecretVariable = "DISCORD_WEBHOOK_URL" }, Harness.Telegram(telegram));

        var outcomes = await notifier.SendAsync([Harness.Alert()]);

        Assert.Single(slack.Seen);
        Assert.Single(telegram.Seen);
        var failed = Assert.Single(outcomes, o => o.Status == NotificationStatus.Failed);
        Assert.Equal("discord-desk", failed.Target);
        const string problem = "notify discord-desk (discord): the environment variable DISCORD_WEBHOOK_URL is not set; expected the Discord webhook URL (https://discord.com/api/webhooks/...).";
        Assert.Equal(problem, failed.Error);
        Assert.Equal([problem], notifier.Problems);
        Assert.Equal(problem, harness.Lines.First()); // said once when the notifier is built...
        Assert.Single(harness.Lines, l => l.StartsWith("notify discord-desk (discord): the environment variable DISCORD_WEBHOOK_URL is not set; expected the Discord webhook URL (https://discord.com/api/webhooks/...); 1 notification(s) not sent", StringComparison.Ordinal)); // ...and once per call
        Assert.All(harness.Lines, line => Assert.DoesNotContain('\n', line));
    }

    [Theory]
    [InlineData("teams", null, null, null, "notify t (teams): unknown kind 'teams'; expected one of webhook, slack, discord, telegram, pushover.")]
    [InlineData("telegram", "TELEGRAM_BOT_TOKEN", null, null, "notify t (telegram): recipient is not set; expected the Telegram chat id (a number, or @channelname).")]
    [InlineData("pushover", "PUSHOVER_TOKEN", null, null, "notify t (pushover): recipient is not set; expected the Pushover user or group key.")]
    [InlineData("slack", null, null, "http://127.0.0.1:9/", "notify t (slack): secret_variable is not set; expected the name of the environment variable that holds the Slack incoming-webhook URL (https://hooks.slack.com/services/...).")]
    [InlineData("webhook", null, null, null, "notify t (webhook): secret_variable is not set; expected the name of the environment variable that holds the webhook URL.")]
    [InlineData("discord", "TELEGRAM_BOT_TOKEN", null, null, "notify t (discord): the environment variable TELEGRAM_BOT_TOKEN does not hold an absolute http(s) URL; expected the Discord webhook URL (https://discord.com/api/webhooks/...).")]
    [InlineData("webhook", null, null, "ftp://example.net/in", "notify t (webhook): url 'ftp://example.net/in' is not an absolute http(s) URL.")]
    public void A_target_that_cannot_work_is_named_with_the_cause(string kind, string? secretVariable, string? recipient, string? url, string expected)
    {
        var harness = new Harness();
        using var notifier = harness.Notifier(new NotificationTarget(kind, "t")
        {
            SecretVariable = secretVariable,
            Recipient = recipient,
            Url = url is null ? null : new Uri(url),
        });

        Assert.Equal([expected], notifier.Problems);
        Assert.Equal([expected], harness.Lines);
        Harness.AssertNoSecret(harness.Log); // the discord row names TELEGRAM_BOT_TOKEN, never its value
    }

    [Fact]
    public async Task Two_targets_with_one_name_keep_the_first()
    {
        await using var first = new Receiver();
        await using var second = new Receiver();
        var harness = new Harness();
        using var notifier = harness.Notifier(Harness.Slack(first, "desk"), Harness.Webhook(second, "desk"));

        await notifier.SendAsync([Harness.Alert()]);

        Assert.Single(first.Seen);
        Assert.Empty(second.Seen);
        Assert.Equal(["notify desk (webhook): another target has the same name; names must be unique, so this one is skipped."], notifier.Problems);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failure_line_not_an_exception()
    {
        int closedPort;
        await using (var gone = new Receiver())
        {
            closedPort = gone.Port;
        }

        var harness = new Harness();
        using var notifier = harness.Notifier(new NotificationSettings
        {
            Targets = [new("webhook", "hook") { Url = new Uri($"http://127.0.0.1:{closedPort}/in") }],
            Retries = 1,
        });

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Failed, outcome.Status);
        Assert.StartsWith("connection failed, 2 attempts: ", outcome.Error);
        Assert.Single(harness.Lines, l => l.StartsWith("notify hook (webhook): 2025-03-03|O:SPXW250404P05000000|multiplier not sent: connection failed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "SPX")]
    [InlineData("k", " ")]
    public async Task A_notification_without_key_or_title_is_refused_before_anything_is_sent(string key, string title)
    {
        await using var slack = new Receiver();
        using var notifier = new Harness().Notifier(Harness.Slack(slack));

        await Assert.ThrowsAsync<ArgumentException>(() => notifier.SendAsync([Harness.Alert(), Harness.Alert() with { Key = key, Title = title }]));
        Assert.Empty(slack.Seen);
    }
}
