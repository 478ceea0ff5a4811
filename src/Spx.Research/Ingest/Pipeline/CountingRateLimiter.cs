using System.Threading.RateLimiting;

namespace Spx.Research.Ingest.Pipeline;

/// <summary>
/// The backfill's one limiter: the plan's token bucket (none when unlimited) that also counts the permits it
/// grants. The REST client takes one permit per request, pages and retries included, so the count is the
/// number of requests sent — what the progress line and the figures report.
/// </summary>
public sealed class CountingRateLimiter(RateLimiter? inner) : RateLimiter
{
    private long _granted;

    /// <summary>Permits granted so far (requests sent).</summary>
    public long Granted => Interlocked.Read(ref _granted);

    public override TimeSpan? IdleDuration => inner?.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => inner?.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        Count(inner?.AttemptAcquire(permitCount) ?? GrantedLease.Instance);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Count(inner is null ? GrantedLease.Instance : await inner.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false));

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner?.Dispose();
        base.Dispose(disposing);
    }

    private RateLimitLease Count(RateLimitLease lease)
    {
        if (lease.IsAcquired) Interlocked.Increment(ref _granted);
        return lease;
    }

    private sealed class GrantedLease : RateLimitLease
    {
        public static GrantedLease Instance { get; } = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
