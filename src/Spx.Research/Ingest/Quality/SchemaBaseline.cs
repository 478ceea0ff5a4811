namespace Spx.Research.Ingest.Quality;

/// <summary>
/// The state file <c>LAKE/_state/schema/&lt;endpoint&gt;.json</c>: the field set first seen (the baseline) and
/// the drifts reported since, newest last (at most <see cref="MaxReports"/>). Delete the file to accept the
/// current fields as the new baseline.
/// </summary>
public sealed record SchemaBaseline
{
    /// <summary>Reports kept in the file.</summary>
    public const int MaxReports = 100;

    /// <summary>Endpoint name.</summary>
    public string Endpoint { get; init; } = "";

    /// <summary>When the baseline was taken (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Field name → JSON type.</summary>
    public SortedDictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Drifts reported, one per endpoint per day (a different drift later the same day is reported too).</summary>
    public List<SchemaDriftReport> Reports { get; init; } = [];
}

/// <summary>One reported drift in the state file.</summary>
public sealed record SchemaDriftReport(DateOnly Date, DateTimeOffset SeenUtc, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Retyped);
