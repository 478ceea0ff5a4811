namespace Spx.Research.Polygon;

/// <summary>
/// Retry policy for transient REST failures (5xx, 429, 408, timeouts, broken connections). Client errors
/// (400/401/403/404) are never retried: repeating them only burns the rate budget.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt (0 disables retrying).</param>
/// <param name="BaseDelay">First backoff delay; doubles per attempt, with jitter.</param>
/// <param name="MaxDelay">Cap on any single delay, including a server's <c>Retry-After</c>.</param>
public sealed record RetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>4 retries from 1 s, capped at 2 minutes (a free-plan window is 60 s).</summary>
    public static RetrySettings Default { get; } = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));

    /// <summary>No retries: the first failure is thrown.</summary>
    public static RetrySettings None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Whether backoff delays are randomised, so many clients do not retry in lock-step.</summary>
    public bool UseJitter { get; init; } = true;
}
