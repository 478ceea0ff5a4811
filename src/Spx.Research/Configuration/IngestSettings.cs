namespace Spx.Research.Configuration;

/// <summary>
/// What <c>spx ingest backfill</c> and <c>spx ingest stream</c> download and how hard it pushes, how users' files are imported (docs/data-quality.md): the near-the-money option window it
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

    /// <summary><c>spx ingest import</c>: how a user's files map to our datasets.</summary>
    public ImportSettings Import { get; init; } = new();

    /// <summary>When per-source figures become warnings.</summary>
    public QualitySettings Quality { get; init; } = new();
}

/// <summary>Column mappings for <c>spx ingest import --mapping NAME</c>, by name.</summary>
public sealed record ImportSettings
{
    /// <summary>Mapping name → how that kind of file maps to a dataset. None by default: a file whose columns already have our names needs none.</summary>
    public IReadOnlyDictionary<string, ImportMappingSettings> Mappings { get; init; } = new Dictionary<string, ImportMappingSettings>();
}

/// <summary>How the columns of one kind of user file become one of our datasets.</summary>
public sealed record ImportMappingSettings
{
    /// <summary>The dataset rows go to (e.g. <c>option_bars_1m</c>); <c>--dataset</c> overrides it.</summary>
    public string Dataset { get; init; } = "";

    /// <summary>Their column → our column. Columns not named here are taken when they already have one of our names.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>The time zone of timestamps written without an offset (IANA name).</summary>
    public string Timezone { get; init; } = "America/New_York";
}

/// <summary>Thresholds of the per-source metrics (<c>Ingest.Quality.SourceMetrics</c>).</summary>
public sealed record QualitySettings
{
    /// <summary>The sliding window of the figures.</summary>
    public TimeSpan MetricsWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A commit slower than this is a warning.</summary>
    public TimeSpan CommitLatencyWarning { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A failed share of requests above this (0.01 = 1 %) is a warning.</summary>
    public double ErrorRateWarning { get; init; } = 0.01;
}
