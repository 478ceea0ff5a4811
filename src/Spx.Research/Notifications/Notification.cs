namespace Spx.Research.Notifications;

/// <summary>
/// One message for people, independent of where it goes. The monitor's alerts map into it; each target
/// format turns it into the request its service expects.
/// </summary>
/// <param name="Key">
/// Stable identity for de-duplication, e.g. <c>2025-03-03|O:SPXW250404P05000000|multiplier</c>: a target never gets
/// the same key twice, however often the notification is passed in.
/// </param>
/// <param name="Title">A short headline.</param>
/// <param name="Text">One line saying what happened.</param>
/// <param name="At">When it happened (UTC instant; shown in New York time).</param>
/// <param name="Severity">How loud the message should be where the service supports it.</param>
public sealed record Notification(string Key, string Title, string Text, DateTimeOffset At, NotificationSeverity Severity = NotificationSeverity.Warning)
{
    /// <summary>A few name/value pairs shown as a small table (strike, volume, comparison source...).</summary>
    public IReadOnlyList<NotificationField> Fields { get; init; } = [];

    /// <summary>Throws when the notification cannot be sent meaningfully (no key, no title).</summary>
    /// <exception cref="ArgumentException">The key or title is empty, or a field has no name.</exception>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Key)) throw new ArgumentException($"A notification needs a key for de-duplication (title '{Title}').", nameof(Key));
        if (string.IsNullOrWhiteSpace(Title)) throw new ArgumentException($"Notification '{Key}' has an empty title.", nameof(Title));
        if (Fields.Any(f => string.IsNullOrWhiteSpace(f.Name))) throw new ArgumentException($"Notification '{Key}' has a field without a name.", nameof(Fields));
    }
}
