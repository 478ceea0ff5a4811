using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications.Formats;

/// <summary>
/// A Discord webhook (Execute Webhook): POST JSON <c>{"content", "embeds": [{title, description, color, fields,
/// timestamp, footer}], "allowed_mentions": {"parse": []}}</c> to the webhook URL (the secret). <c>content</c> is
/// the line seen in pushes; mentions are disabled so text from data can never ping <c>@everyone</c>. Limits:
/// content 2000, title 256, description 4096, 25 fields of name 256 / value 1024. Discord answers 204 (no
/// <c>?wait=true</c>), and 429 with <c>Retry-After</c> (and <c>retry_after</c> in the body, in seconds).
/// https://discord.com/developers/docs/resources/webhook#execute-webhook,
/// https://discord.com/developers/docs/resources/message#embed-object-embed-limits,
/// https://discord.com/developers/docs/topics/rate-limits
/// </summary>
internal sealed class DiscordFormat : NotificationFormat
{
    public override string Kind => "discord";

    public override string SecretMeaning => "Discord webhook URL (https://discord.com/api/webhooks/...)";

    public override HttpRequestMessage Build(Notification notification, NotificationChannel channel)
    {
        var fields = new JsonArray();
        foreach (var field in notification.Fields.Take(25))
        {
            fields.Add(new JsonObject { ["name"] = Cut(field.Name, 256), ["value"] = Cut(field.Value.Length == 0 ? "-" : field.Value, 1024), ["inline"] = true });
        }

        var embed = new JsonObject
        {
            ["title"] = Cut(notification.Title, 256),
            ["description"] = Cut(notification.Text, 4096),
            ["color"] = Colour(notification.Severity),
            ["fields"] = fields,
            ["timestamp"] = notification.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["footer"] = new JsonObject { ["text"] = Cut($"{Word(notification.Severity)} · {notification.Key}", 2048) },
        };
        var body = new JsonObject
        {
            ["content"] = Cut($"{notification.Title}: {notification.Text}", 2000),
            ["embeds"] = new JsonArray { embed },
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        return new HttpRequestMessage(HttpMethod.Post, channel.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>The header first; else the body's <c>retry_after</c> (seconds, fractional).</summary>
    public override TimeSpan? RetryAfter(int status, System.Net.Http.Headers.HttpResponseHeaders headers, string body, DateTimeOffset now) =>
        RetryAfterHeader(headers, now) ?? (status == 429 ? BodySeconds(body, "retry_after") : null);

    /// <summary>Blue, amber, red: the embed's left bar.</summary>
    private static int Colour(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Info => 0x3498DB,
        NotificationSeverity.Critical => 0xE74C3C,
        _ => 0xF39C12,
    };
}
