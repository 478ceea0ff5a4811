using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications.Formats;

/// <summary>
/// The Telegram Bot API: POST JSON <c>{"chat_id", "text", "parse_mode": "HTML"}</c> to
/// <c>{base}/bot&lt;token&gt;/sendMessage</c>; the token is the secret, the chat id the recipient (a number, or
/// <c>@channelname</c>). HTML mode needs only <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped; text is at most 4096
/// characters. Flood control answers 429 with <c>parameters.retry_after</c> (seconds) in the body.
/// https://core.telegram.org/bots/api#sendmessage, https://core.telegram.org/bots/api#html-style,
/// https://core.telegram.org/bots/api#responseparameters
/// </summary>
internal sealed class TelegramFormat : NotificationFormat
{
    private const int TextLimit = 4096;

    public override string Kind => "telegram";

    public override string SecretMeaning => "Telegram bot token (123456:ABC-...)";

    public override bool SecretIsUrl => false;

    public override bool NeedsRecipient => true;

    public override string RecipientMeaning => "Telegram chat id (a number, or @channelname)";

    public override Uri DefaultBase { get; } = new("https://api.telegram.org");

    public override string TokenPath(string token) => $"/bot{token}/sendMessage";

    public override HttpRequestMessage Build(Notification notification, NotificationChannel channel)
    {
        var text = new StringBuilder()
            .Append("<b>").Append(Escape(notification.Title)).Append("</b>\n")
            .Append(Escape(notification.Text)).Append('\n');
        foreach (var field in notification.Fields)
        {
            text.Append('\n').Append(Escape(field.Name)).Append(": <code>").Append(Escape(field.Value)).Append("</code>");
        }

        text.Append("\n<i>").Append(Escape($"{Word(notification.Severity)} · {NewYorkStamp(notification.At)}")).Append("</i>");
        var body = new JsonObject
        {
            ["chat_id"] = ChatId(channel.Recipient!),
            ["text"] = text.Length <= TextLimit ? text.ToString() : Cut($"{notification.Title}: {notification.Text}", TextLimit),
            ["parse_mode"] = "HTML",
        };
        return new HttpRequestMessage(HttpMethod.Post, channel.Endpoint)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    /// <summary>The header if present; else the body's <c>parameters.retry_after</c>.</summary>
    public override TimeSpan? RetryAfter(int status, System.Net.Http.Headers.HttpResponseHeaders headers, string body, DateTimeOffset now) =>
        RetryAfterHeader(headers, now) ?? (status == 429 ? BodySeconds(body, "parameters", "retry_after") : null);

    /// <summary>A numeric chat id goes as a JSON number (what the API documents); <c>@channel</c> as a string.</summary>
    private static JsonNode ChatId(string recipient) =>
        long.TryParse(recipient, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : JsonValue.Create(recipient);

    /// <summary>What HTML parse mode requires: &amp;, &lt;, &gt; as entities.</summary>
    internal static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
