namespace Spx.Research.Notifications;

/// <summary>One name/value pair of a notification, e.g. <c>("volume", "1,250")</c>; values are already formatted text.</summary>
public sealed record NotificationField(string Name, string Value);
