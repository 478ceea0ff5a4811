using Spx.Research.Testing;
using Spx.Research.Configuration;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// Webhook URLs and tokens never reach a log line, an outcome's error or the state file — also when a service echoes
/// the request back in its error body (paths, form fields), on retries and on timeouts.
/// </summary>
public sealed class SecrecyTests
{
    [Theory]
    [MemberData(nameof(RetryTests.Kinds), MemberType = typeof(RetryTests))]
    public async Task A_service_that_echoes_the_request_in_its_errors_does_not_leak_the_secret(string kind)
    {
        // The worst case: a 500 (retried, logged) then a 400, each body quoting the path and the form or JSON sent.
        Receiver? receiver = null;
        receiver = new Receiver(n => new Reply(n == 0 ? 500 : 400, $"bad request to {receiver!.Seen[n].PathAndQuery}: {receiver.Seen[n].Body}"));
        await using var _ = receiver;
        var harness = new Harness();
        var target = RetryTests.Target(kind, receiver) with { Url = receiver.BaseUri, SecretVariable = SecretVariableOf(kind) };
        using var notifier = harness.Notifier(target);

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Failed, outcome.Status);
        Assert.Contains("***", outcome.Error); // the echo was there, masked
        Harness.AssertNoSecret(outcome.Error!);
        Harness.AssertNoSecret(harness.Log);
        Assert.Contains(harness.Lines, l => l.Contains("retry 1/3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeouts_and_refused_connections_name_no_secret()
    {
        await using var hung = new Receiver(_ => new Reply { Hang = true });
        int closed;
        await using (var gone = new Receiver())
        {
            closed = gone.Port;
        }

        var harness = new Harness { AttemptTimeout = TimeSpan.FromMilliseconds(200) };
        using var notifier = harness.Notifier(new NotificationSettings
        {
            Targets = [Harness.Telegram(hung), Harness.Slack(hung), new("discord", "gone") { Url = new Uri($"http://127.0.0.1:{closed}"), SecretVariable = "DISCORD_WEBHOOK_URL" }],
            Retries = 1,
        });

        var outcomes = await notifier.SendAsync([Harness.Alert()]);

        Assert.All(outcomes, o => Assert.Equal(NotificationStatus.Failed, o.Status));
        foreach (var outcome in outcomes) Harness.AssertNoSecret(outcome.Error!);
        Harness.AssertNoSecret(harness.Log);
    }

    [Fact]
    public async Task Nothing_the_notifier_shows_holds_a_secret_even_when_the_secret_is_the_whole_url()
    {
        await using var slack = new Receiver(_ => new Reply(500, Harness.SlackUrl)); // echoes the full webhook URL
        var harness = new Harness();
        using var notifier = harness.Notifier(new NotificationSettings { Targets = [Harness.Slack(slack)], Retries = 1 });

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal("HTTP 500 after 2 attempts: ***", outcome.Error);
        Harness.AssertNoSecret(harness.Log);
        Assert.DoesNotContain(Harness.SlackUrl, notifier.ToString());
    }

    private static string SecretVariableOf(string kind) => kind switch
    {
        "webhook" => "WEBHOOK_URL",
        "slack" => "SLACK_WEBHOOK_URL",
        "discord" => "DISCORD_WEBHOOK_URL",
        "telegram" => "TELEGRAM_BOT_TOKEN",
        _ => "PUSHOVER_TOKEN",
    };
}
