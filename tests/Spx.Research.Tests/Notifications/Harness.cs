using Spx.Research.Testing;
using System.Collections.Concurrent;
using Spx.Research.Configuration;
using Spx.Research.Notifications;

namespace Spx.Research.Tests.Notifications;

/// <summary>
/// One notifier under test: secrets in a private environment (never the process's), every log line kept, a set clock,
/// short timings. The secrets are distinctive strings so a test can look for them in any captured text.
/// </summary>
internal sealed class Harness
{
    public const string SlackUrl = "https://hooks.slack.com/services/T0001/B0002/slackSecret1234567890";
    public const string DiscordUrl = "https://discord.com/api/webhooks/112233/discordSecret-abcdefXYZ";
    public const string TelegramToken = "7654321:AAE-telegramSecret_qwerty";
    public const string PushoverToken = "azGDORePK8gMaC0QOYAMyEEuzJnyUi";
    public const string WebhookUrl = "http://hooks.example.net/in/webhookSecret-77aa";

    public static IReadOnlyList<string> Secrets { get; } = [SlackUrl, DiscordUrl, TelegramToken, PushoverToken, WebhookUrl, "slackSecret", "discordSecret", "telegramSecret", "webhookSecret", PushoverToken];

    /// <summary>2025-03-03 10:30 New York (EST): a Monday session, outside any quiet hours used here.</summary>
    public static DateTimeOffset Morning { get; } = new(2025, 3, 3, 15, 30, 0, TimeSpan.Zero);

    public Dictionary<string, string> Environment { get; } = new()
    {
        ["SLACK_WEBHOOK_URL"] = SlackUrl,
        ["DISCORD_WEBHOOK_URL"] = DiscordUrl,
        ["TELEGRAM_BOT_TOKEN"] = TelegramToken,
        ["PUSHOVER_TOKEN"] = PushoverToken,
        ["WEBHOOK_URL"] = WebhookUrl,
    };

    public ConcurrentQueue<string> Lines { get; } = new();

    public FixedClock Clock { get; } = new(Morning);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public string? StateFile { get; init; }

    /// <summary>Everything the notifier logged, one string.</summary>
    public string Log => string.Join('\n', Lines);

    public NotifierOptions Options => new()
    {
        Time = Clock,
        ReadEnvironment = name => Environment.GetValueOrDefault(name),
        Log = Lines.Enqueue,
        StateFile = StateFile,
        AttemptTimeout = AttemptTimeout,
        BaseDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromSeconds(5),
        UseJitter = false,
    };

    public Notifier Notifier(params NotificationTarget[] targets) => Notifier(new NotificationSettings { Targets = targets });

    public Notifier Notifier(NotificationSettings settings) => new(settings, Options);

    public static NotificationTarget Slack(Receiver to, string name = "desk") =>
        new("slack", name) { Url = to.BaseUri, SecretVariable = "SLACK_WEBHOOK_URL" };

    public static NotificationTarget Discord(Receiver to, string name = "discord-desk") =>
        new("discord", name) { Url = to.BaseUri, SecretVariable = "DISCORD_WEBHOOK_URL" };

    public static NotificationTarget Telegram(Receiver to, string name = "phone") =>
        new("telegram", name) { Url = to.BaseUri, SecretVariable = "TELEGRAM_BOT_TOKEN", Recipient = "-1001234567890" };

    public static NotificationTarget Pushover(Receiver to, string name = "push") =>
        new("pushover", name) { Url = to.BaseUri, SecretVariable = "PUSHOVER_TOKEN", Recipient = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG" };

    public static NotificationTarget Webhook(Receiver to, string name = "hook") =>
        new("webhook", name) { Url = new Uri(to.BaseUri, "/alerts?source=spx") };

    /// <summary>A monitor alert with the characters every format must escape or pass through.</summary>
    public static Notification Alert(string key = "2025-03-03|O:SPXW250404P05000000|multiplier", DateTimeOffset? at = null) =>
        new(key, "SPXW 5000P 2025-04-04: multiplier", "12,400 > 5× 2,000 & rising", at ?? Morning)
        {
            Fields = [new("strike", "5000"), new("source", "<aligned>")],
        };

    /// <summary>Asserts that no secret, in any of its forms, is in <paramref name="text"/>.</summary>
    public static void AssertNoSecret(string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret ('{secret[..6]}…') leaked into: {text}");
            Assert.False(text.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal), $"an escaped secret leaked into: {text}");
        }
    }
}
