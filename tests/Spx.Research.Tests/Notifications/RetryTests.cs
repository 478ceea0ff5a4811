using Spx.Research.Testing;
using Spx.Research.Configuration;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// Retries against a real receiver: server errors then success, 429 with the wait each service states (the
/// <c>Retry-After</c> header; Telegram's <c>parameters.retry_after</c> and Discord's <c>retry_after</c> in the body),
/// and answers that must not be repeated. Waits are read from the retry log line, never timed.
/// </summary>
public sealed class RetryTests
{
    public static TheoryData<string> Kinds => ["webhook", "slack", "discord", "telegram", "pushover"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_500_is_retried_and_the_next_success_counts_once(string kind)
    {
        await using var receiver = new Receiver(n => n < 2 ? new Reply(500, "upstream broke") : Reply.Ok);
        var harness = new Harness();
        using var notifier = harness.Notifier(Target(kind, receiver));

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Sent, outcome.Status);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, receiver.Seen.Count);
        Assert.Single(receiver.Seen.Select(r => r.Body).Distinct()); // the same message each time
        Assert.Equal(2, harness.Lines.Count(l => l.Contains("HTTP 500; retry", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Still_500_after_the_retries_is_one_failure_line_naming_the_target(string kind)
    {
        await using var receiver = new Receiver(_ => new Reply(503, "{\"error\":\"maintenance\"}"));
        var harness = new Harness();
        using var notifier = harness.Notifier(new NotificationSettings { Targets = [Target(kind, receiver)], Retries = 2 });

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Failed, outcome.Status);
        Assert.Equal(3, receiver.Seen.Count);
        Assert.Equal("HTTP 503 after 3 attempts: {\"error\":\"maintenance\"}", outcome.Error);
        var failure = Assert.Single(harness.Lines, l => l.Contains("not sent", StringComparison.Ordinal));
        Assert.StartsWith($"notify {Target(kind, receiver).Name} ({kind}): 2025-03-03|O:SPXW250404P05000000|multiplier not sent: HTTP 503", failure);
    }

    [Theory]
    [InlineData("slack", "Retry-After", "2", "")]
    [InlineData("discord", "Retry-After", "2", """{"message":"You are being rate limited.","retry_after":2.0,"global":false}""")]
    [InlineData("telegram", "Retry-After", "2", """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}}""")]
    [InlineData("telegram", null, null, """{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 2","parameters":{"retry_after":2}}""")]
    [InlineData("discord", null, null, """{"message":"You are being rate limited.","retry_after":2,"global":false}""")]
    public async Task A_429_waits_as_long_as_the_service_says(string kind, string? header, string? value, string body)
    {
        var headers = header is null ? null : new Dictionary<string, string> { [header] = value! };
        await using var receiver = new Receiver(n => n == 0 ? new Reply(429, body, headers) : Reply.Ok);
        var harness = new Harness();
        using var notifier = harness.Notifier(Target(kind, receiver));

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Sent, outcome.Status);
        Assert.Equal(2, receiver.Seen.Count);
        // Without the stated wait the backoff would be 0.01 s (the harness's base delay).
        Assert.Contains(harness.Lines, l => l.EndsWith("HTTP 429 with Retry-After 2 s; retry 1/3 in 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_waits_the_cap()
    {
        await using var slack = new Receiver(n => n == 0 ? new Reply(429, "", new Dictionary<string, string> { ["Retry-After"] = "3600" }) : Reply.Ok);
        var harness = new Harness();
        using var notifier = new Notifier(new NotificationSettings { Targets = [Harness.Slack(slack)] }, harness.Options with { MaxDelay = TimeSpan.FromSeconds(1) });

        Assert.Equal(NotificationStatus.Sent, Assert.Single(await notifier.SendAsync([Harness.Alert()])).Status);
        Assert.Contains(harness.Lines, l => l.EndsWith("HTTP 429 with Retry-After 3600 s; retry 1/3 in 1 s", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("slack", 400, "invalid_payload")]
    [InlineData("slack", 404, "no_service")]
    [InlineData("telegram", 403, """{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}""")]
    [InlineData("discord", 401, """{"message": "Invalid Webhook Token", "code": 50027}""")]
    [InlineData("pushover", 400, """{"user":"invalid","errors":["user identifier is invalid"],"status":0}""")]
    [InlineData("pushover", 429, """{"status":0,"errors":["application has exceeded its monthly limit"]}""")]
    public async Task A_rejection_is_not_repeated_and_the_service_text_is_shown(string kind, int status, string body)
    {
        await using var receiver = new Receiver(_ => new Reply(status, body));
        var harness = new Harness();
        using var notifier = harness.Notifier(Target(kind, receiver));

        var outcome = Assert.Single(await notifier.SendAsync([Harness.Alert()]));

        Assert.Equal(NotificationStatus.Failed, outcome.Status);
        Assert.Single(receiver.Seen);
        Assert.Equal($"HTTP {status}: {body}", outcome.Error);
    }

    internal static NotificationTarget Target(string kind, Receiver receiver) => kind switch
    {
        "webhook" => Harness.Webhook(receiver),
        "slack" => Harness.Slack(receiver),
        "discord" => Harness.Discord(receiver),
        "telegram" => Harness.Telegram(receiver),
        "pushover" => Harness.Pushover(receiver),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such kind"),
    };
}
