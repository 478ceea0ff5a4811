namespace Spx.Research.Notifications;

/// <summary>The result of one notification at one target (or at none, for <see cref="NotificationStatus.Held"/>).</summary>
/// <param name="Target">The target's name; empty for a notification held during quiet hours.</param>
/// <param name="Key">The notification's key.</param>
/// <param name="Status">What happened.</param>
/// <param name="Attempts">HTTP attempts made (0 when nothing was sent).</param>
/// <param name="Error">One line, secrets redacted, when <see cref="Status"/> is <see cref="NotificationStatus.Failed"/>.</param>
public sealed record NotificationOutcome(string Target, string Key, NotificationStatus Status, int Attempts = 0, string? Error = null);
