using System.Globalization;
using System.Text;
using Spx.Research.Notifications.Delivery;

namespace Spx.Research.Notifications.Formats;

/// <summary>
/// Pushover: POST a form (<c>application/x-www-form-urlencoded</c>) to <c>{base}/1/messages.json</c> with
/// <c>token</c> (the application token, the secret), <c>user</c> (the user or group key, the recipient),
/// <c>title</c> (≤ 250), <c>message</c> (≤ 1024), <c>timestamp</c> (Unix seconds of the event) and <c>priority</c>
/// (-1 quiet, 0 normal, 1 high). A 4xx means the input is wrong and must not be repeated — including 429, the
/// application's monthly limit — so only 5xx and timeouts are retried.
/// https://pushover.net/api#messages, https://pushover.net/api#priority, https://pushover.net/api#friendly
/// </summary>
internal sealed class PushoverFormat : NotificationFormat
{
    private const int TitleLimit = 250;
    private const int MessageLimit = 1024;

    public override string Kind => "pushover";

    public override string SecretMeaning => "Pushover application token";

    public override bool SecretIsUrl => false;

    public override bool NeedsRecipient => true;

    public override string RecipientMeaning => "Pushover user or group key";

    public override Uri DefaultBase { get; } = new("https://api.pushover.net");

    public override string TokenPath(string token) => "/1/messages.json";

    public override bool IsTransient(int status) => status >= 500;

    public override HttpRequestMessage Build(Notification notification, NotificationChannel channel)
    {
        var message = new StringBuilder(notification.Text);
        foreach (var field in notification.Fields)
        {
            message.Append('\n').Append(field.Name).Append(": ").Append(field.Value);
        }

        var form = new Dictionary<string, string>
        {
            ["token"] = channel.Secret!.Value,
            ["user"] = channel.Recipient!,
            ["title"] = Cut(notification.Title, TitleLimit),
            ["message"] = Cut(message.ToString(), MessageLimit),
            ["timestamp"] = notification.At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["priority"] = Priority(notification.Severity).ToString(CultureInfo.InvariantCulture),
        };
        return new HttpRequestMessage(HttpMethod.Post, channel.Endpoint) { Content = new FormUrlEncodedContent(form) };
    }

    private static int Priority(NotificationSeverity severity) => severity switch
    {
        NotificationSeverity.Info => -1,
        NotificationSeverity.Critical => 1,
        _ => 0,
    };
}
