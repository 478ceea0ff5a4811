namespace Spx.Research.Notebooks.Execution;

/// <summary>
/// A clock that never moves: every run and cell starts at <see cref="Instant"/> and takes no time. For
/// reproducible runs, where the executed notebook and its page must not carry the time they were made.
/// </summary>
public sealed class FrozenClock(DateTimeOffset instant) : TimeProvider
{
    /// <summary>
    /// The instant of reproducible runs: <c>SOURCE_DATE_EPOCH</c> (seconds since 1970, the reproducible-builds
    /// convention) when set and valid, else the Unix epoch.
    /// </summary>
    public static FrozenClock FromEnvironment() =>
        new(long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var seconds) && seconds >= 0
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UnixEpoch);

    /// <summary>The one instant this clock shows.</summary>
    public DateTimeOffset Instant { get; } = instant;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Instant;

    /// <inheritdoc />
    public override long GetTimestamp() => 0;
}
