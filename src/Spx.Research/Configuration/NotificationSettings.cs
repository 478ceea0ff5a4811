namespace Spx.Research.Configuration;

/// <summary>Opt-in alert targets. None by default.</summary>
public sealed record NotificationSettings
{
    /// <summary>Each target gets one message per alert.</summary>
    public IReadOnlyList<NotificationTarget> Targets { get; init; } = [];

    /// <summary>No messages from this New York time of day (alerts are still stored); null for none.</summary>
    public TimeOnly? QuietFrom { get; init; }

    /// <summary>End of the quiet hours, New York time (may be before <see cref="QuietFrom"/>: overnight).</summary>
    public TimeOnly? QuietTo { get; init; }

    /// <summary>Retries of a failed send, with backoff.</summary>
    public int Retries { get; init; } = 3;
}

/// <summary>
/// One place alerts go. Tokens are never in the file: <see cref="SecretVariable"/> names the environment
/// variable that holds the webhook URL or token.
/// </summary>
/// <param name="Kind"><c>webhook</c>, <c>slack</c>, <c>discord</c>, <c>telegram</c> or <c>pushover</c>.</param>
/// <param name="Name">A name for logs.</param>
public sealed record NotificationTarget(string Kind, string Name)
{
    /// <summary>A URL that carries no secret (a generic webhook on the local network, a test receiver).</summary>
    public Uri? Url { get; init; }

    /// <summary>The environment variable with the secret URL or token (e.g. <c>SLACK_WEBHOOK_URL</c>).</summary>
    public string? SecretVariable { get; init; }

    /// <summary>Telegram chat id or Pushover user key (not secret by themselves).</summary>
    public string? Recipient { get; init; }
}
