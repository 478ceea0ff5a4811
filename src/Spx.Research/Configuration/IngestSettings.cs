namespace Spx.Research.Configuration;

/// <summary>Ingest pipelines: bring-your-own-data imports and the data-quality thresholds (docs/data-quality.md).</summary>
public sealed record IngestSettings
{
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
