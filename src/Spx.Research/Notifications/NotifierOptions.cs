namespace Spx.Research.Notifications;

/// <summary>
/// How the <see cref="Notifier"/> runs, beside what <see cref="Configuration.NotificationSettings"/> says: time,
/// environment, logging, state and timing. The defaults suit the monitor; tests shorten the timings.
/// </summary>
public sealed record NotifierOptions
{
    /// <summary>The clock for quiet hours, held-message age and retry waits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Reads a target's secret variable; the process environment unless a test or host supplies another.</summary>
    public Func<string, string?> ReadEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Receives one line per send, retry, failure and held batch (secrets already redacted).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// The file that remembers which keys each target got and what is held in quiet hours, so a restart does not send
    /// them again (see <see cref="NotificationState.PathInLake"/>). Null keeps this in memory only.
    /// </summary>
    public string? StateFile { get; init; }

    /// <summary>The longest one HTTP attempt may take before it counts as failed (a hung service).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First wait before a retry; doubles per retry (with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any single wait, including a service's <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether backoff waits are randomised.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>Held notifications older than this when quiet hours end are dropped rather than sent late.</summary>
    public TimeSpan MaxHold { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a sent key is remembered (alert keys carry their session date, so a week is plenty).</summary>
    public TimeSpan Remember { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The HTTP handler (tests may pass their own); null uses a pooled socket handler.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }
}
