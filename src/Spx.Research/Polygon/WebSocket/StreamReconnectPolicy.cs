namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// How the client reconnects after the connection drops: exponential backoff with jitter, so that many
/// clients dropped by the same server restart do not all come back in the same millisecond, and a limit
/// after which the consumer gets a <see cref="PolygonStreamReconnectException"/> instead of waiting forever.
/// </summary>
/// <param name="MaxAttempts">Consecutive failed attempts before giving up; 0 never reconnects. A successful reconnect resets the count.</param>
/// <param name="InitialDelay">Delay before the first attempt.</param>
/// <param name="MaxDelay">Cap on the delay, before jitter.</param>
/// <param name="Multiplier">Growth of the delay per attempt.</param>
/// <param name="Jitter">Fraction (0–1) of the delay that is randomised, ± around the nominal delay.</param>
/// <param name="ReconnectAfterSlowConsumer">
/// Whether a <c>slow_consumer</c> disconnect is followed by a reconnect (default yes: the consumer caught up
/// or was dropped from). <c>max_connections</c> and <c>force_disconnect</c> never reconnect: the account's
/// single connection per cluster is held by someone else, and reconnecting would fight over it.
/// </param>
public sealed record StreamReconnectPolicy(
    int MaxAttempts,
    TimeSpan InitialDelay,
    TimeSpan MaxDelay,
    double Multiplier = 2.0,
    double Jitter = 0.2,
    bool ReconnectAfterSlowConsumer = true)
{
    /// <summary>5 attempts (like the Python client), 0.5 s doubling to 30 s, ±20 % jitter.</summary>
    public static StreamReconnectPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

    /// <summary>Never reconnect: a drop ends the stream with an error.</summary>
    public static StreamReconnectPolicy None { get; } = new(0, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>Whether the client reconnects after the server announced <paramref name="reason"/> and closed.</summary>
    public bool ReconnectsAfter(DisconnectReason reason) => reason == DisconnectReason.SlowConsumer && ReconnectAfterSlowConsumer;

    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based), with jitter drawn from <paramref name="random"/>.</summary>
    public TimeSpan DelayBefore(int attempt, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var nominal = InitialDelay.TotalMilliseconds * Math.Pow(Math.Max(1.0, Multiplier), attempt - 1);
        nominal = Math.Min(nominal, Math.Max(InitialDelay.TotalMilliseconds, MaxDelay.TotalMilliseconds));
        var jitter = Math.Clamp(Jitter, 0.0, 1.0);
        var factor = 1.0 + jitter * (2.0 * random.NextDouble() - 1.0);
        return TimeSpan.FromMilliseconds(Math.Max(0.0, nominal * factor));
    }
}
