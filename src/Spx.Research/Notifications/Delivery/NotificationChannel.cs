using Spx.Research.Notifications.Formats;

namespace Spx.Research.Notifications.Delivery;

/// <summary>
/// A configured target made ready to send: its format, the URL to POST to (which may hold the secret) and the
/// secret itself for redaction. Built by <see cref="ChannelResolver"/>.
/// </summary>
internal sealed class NotificationChannel(string name, NotificationFormat format, Uri endpoint, TargetSecret? secret, string? recipient)
{
    /// <summary>The target's name from the configuration.</summary>
    public string Name { get; } = name;

    /// <summary>How messages are shaped for this target's service.</summary>
    public NotificationFormat Format { get; } = format;

    /// <summary>Where requests go; may contain the secret (a webhook URL, a bot token in the path).</summary>
    public Uri Endpoint { get; } = endpoint;

    /// <summary>The webhook URL or token, when the target has one.</summary>
    public TargetSecret? Secret { get; } = secret;

    /// <summary>The Telegram chat id or Pushover user key.</summary>
    public string? Recipient { get; } = recipient;

    /// <summary>How log lines name the target: <c>desk (slack)</c>.</summary>
    public string Label => $"{Name} ({Format.Kind})";

    /// <summary>Text with the secret removed; everything this channel logs or returns goes through it.</summary>
    public string Redact(string text) => Secret?.Redact(text) ?? text;
}
