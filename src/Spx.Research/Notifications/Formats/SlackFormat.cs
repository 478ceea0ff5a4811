using System.Text;
using System.Text.Json.Nodes;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications.Formats;

/// <summary>
/// A Slack incoming webhook: POST JSON <c>{"text", "blocks"}</c> to the webhook URL (the secret).
/// <c>text</c> is the fallback shown in pushes; <c>blocks</c> lay out a header, the line, the fields (at most 10)
/// and a context line. mrkdwn text escapes <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>. Slack answers 200 <c>ok</c>,
/// and 429 with <c>Retry-After</c> when a channel gets more than about one message a second.
/// https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks,
/// https://docs.slack.dev/reference/block-kit/blocks, https://docs.slack.dev/messaging/formatting-message-text,
/// https://docs.slack.dev/apis/web-api/rate-limits
/// </summary>
internal sealed class SlackFormat : NotificationFormat
{
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;
    private const int FieldLimit = 10;
    private const int FieldTextLimit = 2000;

    public override string Kind => "slack";

    public override string SecretMeaning => "Slack incoming-webhook URL (https://hooks.slack.com/services/...)";

    public override HttpRequestMessage Build(Notification notification, NotificationChannel channel)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(notification.Title, HeaderLimit) },
            },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Escape(notification.Text), SectionLimit) },
            },
        };
        if (notification.Fields.Count > 0)
        {
            var fields = new JsonArray();
            foreach (var field in notification.Fields.Take(FieldLimit))
            {
                fields.Add(new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut($"*{Escape(field.Name)}*\n{Escape(field.Value)}", FieldTextLimit) });
            }

            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray
            {
                new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape($"{Word(notification.Severity)} · {NewYorkStamp(notification.At)} · {notification.Key}") },
            },
        });

        var body = new JsonObject
        {
            ["text"] = Cut(Escape($"{notification.Title}: {notification.Text}"), SectionLimit),
            ["blocks"] = blocks,
        };
        return new HttpRequestMessage(HttpMethod.Post, channel.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>The three characters Slack's mrkdwn reserves for links and mentions.</summary>
    internal static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
