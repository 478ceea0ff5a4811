namespace Spx.Research.Configuration;

/// <summary>
/// What <c>spx ingest backfill</c> and <c>spx ingest stream</c> download and how hard it pushes: the near-the-money option window it
/// discovers per session (docs/ingest.md) and the request budget it shares across tickers and days.
/// </summary>
public sealed record IngestSettings
{
    /// <summary>Underlyings backfilled when <c>--tickers</c> is absent.</summary>
    public IReadOnlyList<string> Tickers { get; init; } = ["SPY"];

    /// <summary>Which listed expiry the options follow: <c>0dte</c> (the session's own, else the next listed) or <c>1dte</c> (the first after the session).</summary>
    public string Expiry { get; init; } = "0dte";

    /// <summary>Half-width of the strike band around the session's opening price, in percent.</summary>
    public double StrikeBandPercent { get; init; } = 1.0;

    /// <summary>Calendar days after the session whose expiries the contract listing covers (the discovery window).</summary>
    public int DiscoveryWindowDays { get; init; } = 7;

    /// <summary>Requests in flight at once, across tickers and days (all inside the one rate limiter).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Request budget of a backfill: <c>free</c>, <c>unlimited</c> or <c>N/SECONDS</c>; a simulator obeys it too.</summary>
    public string Plan { get; init; } = "free";

    /// <summary>How often a progress line is printed when stderr is not a terminal.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Live streaming into the lake (docs/streaming.md).</summary>
    public IngestStreamSettings Stream { get; init; } = new();
}
