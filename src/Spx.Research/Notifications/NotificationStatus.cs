namespace Spx.Research.Notifications;

/// <summary>What happened to one notification at one target.</summary>
public enum NotificationStatus
{
    /// <summary>The service accepted it.</summary>
    Sent,

    /// <summary>Not sent again: this target already got this key.</summary>
    AlreadySent,

    /// <summary>Kept back during quiet hours; sent on the first call after they end.</summary>
    Held,

    /// <summary>Held longer than <see cref="NotifierOptions.MaxHold"/>: dropped, too stale to be worth a message.</summary>
    Expired,

    /// <summary>Not delivered (see <see cref="NotificationOutcome.Error"/>); passing it again later retries it.</summary>
    Failed,
}
