namespace Spx.Research.Notifications;

/// <summary>How loud a message is: a Discord colour, a Pushover priority, a word in the others.</summary>
public enum NotificationSeverity
{
    /// <summary>For the record; a quiet push.</summary>
    Info,

    /// <summary>Worth a look (the default for monitor alerts).</summary>
    Warning,

    /// <summary>Needs attention now; a high-priority push.</summary>
    Critical,
}
