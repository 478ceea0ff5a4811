using System.Threading.RateLimiting;

namespace Spx.Research.Polygon;

/// <summary>
/// How many REST requests a key may send per window. Every page and every retry is one request, so the
/// client-side bucket must be shared by all calls: the free plan dies with 429s otherwise (polygon-io/issues #303).
/// </summary>
/// <param name="Permits">Requests allowed per <paramref name="Window"/>; 0 with a zero window means no limit.</param>
/// <param name="Window">The replenishment window of the token bucket.</param>
public sealed record RatePlan(int Permits, TimeSpan Window)
{
    /// <summary>The free ("Basic") tier: 5 requests per 60 s.</summary>
    public static RatePlan Free { get; } = new(5, TimeSpan.FromSeconds(60));

    /// <summary>Paid plans: no client-side limit (the server may still answer 429, which is retried).</summary>
    public static RatePlan Unlimited { get; } = new(0, TimeSpan.Zero);

    /// <summary>A custom bucket, e.g. 100 per second to stay polite on a paid plan.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Permits or window are not positive.</exception>
    public static RatePlan PerWindow(int permits, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permits);
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        return new RatePlan(permits, window);
    }

    /// <summary>True for <see cref="Unlimited"/>.</summary>
    public bool IsUnlimited => Permits <= 0 || Window <= TimeSpan.Zero;

    /// <summary>A token bucket for this plan (null when unlimited). The caller owns and disposes it.</summary>
    /// <param name="autoReplenishment">
    /// False: the window never passes by itself; each <see cref="ReplenishingRateLimiter.TryReplenish"/> call is one
    /// window, so a test can check how many requests start per window without waiting on the wall clock.
    /// </param>
    public RateLimiter? CreateLimiter(bool autoReplenishment = true) => IsUnlimited
        ? null
        : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Permits,
            TokensPerPeriod = Permits,
            ReplenishmentPeriod = Window,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = autoReplenishment,
        });

    public override string ToString() => IsUnlimited ? "unlimited" : $"{Permits} requests / {Window.TotalSeconds:0.###} s";
}
