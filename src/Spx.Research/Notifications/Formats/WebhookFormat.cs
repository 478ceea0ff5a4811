using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications.Formats;

/// <summary>
/// A generic JSON webhook: the notification itself as JSON, for a home-made receiver, n8n, Home Assistant and the like.
/// Body: <c>{"key", "title", "text", "severity", "at" (ISO 8601 UTC), "fields": [{"name", "value"}]}</c>; any 2xx is success.
/// Documented in docs/notifications.md (it is our own format).
/// </summary>
internal sealed class WebhookFormat : NotificationFormat
{
    public override string Kind => "webhook";

    public override string SecretMeaning => "webhook URL";

    public override bool SecretRequired => false;

    public override HttpRequestMessage Build(Notification notification, NotificationChannel channel)
    {
        var fields = new JsonArray();
        foreach (var field in notification.Fields)
        {
            fields.Add(new JsonObject { ["name"] = field.Name, ["value"] = field.Value });
        }

        var body = new JsonObject
        {
            ["key"] = notification.Key,
            ["title"] = notification.Title,
            ["text"] = notification.Text,
            ["severity"] = Word(notification.Severity),
            ["at"] = notification.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            ["fields"] = fields,
        };
        return new HttpRequestMessage(HttpMethod.Post, channel.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }
}
