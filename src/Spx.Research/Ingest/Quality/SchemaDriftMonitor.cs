using System.Text.Json;
using Spx.Research.Lake;
using Spx.Research.Market;

namespace Spx.Research.Ingest.Quality;

/// <summary>
/// Watches each endpoint's field set against a baseline kept in <c>LAKE/_state/schema/&lt;endpoint&gt;.json</c>:
/// the first results seen become the baseline; later results with added, removed or retyped fields are reported
/// as one line, once per endpoint per New York day (again only if the drift itself changes), and recorded in the
/// state file. It never throws into the caller: drift is news, not a failure, so processing continues.
/// </summary>
/// <example>
/// <code>
/// var drift = new SchemaDriftMonitor(layout, TimeProvider.System, line => log.Warn(line));
/// var client = new PolygonRestClient(options with { ResultObserver = drift.Observe });
/// </code>
/// </example>
public sealed class SchemaDriftMonitor
{
    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly Action<string> _report;
    private readonly Dictionary<string, SchemaBaseline> _baselines = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="layout">The lake whose <c>_state/schema</c> folder holds the baselines.</param>
    /// <param name="time">Clock for the report date.</param>
    /// <param name="report">Receives each drift line, and a line when a state file cannot be read or written.</param>
    public SchemaDriftMonitor(LakeLayout layout, TimeProvider time, Action<string> report)
    {
        _folder = Path.Combine(layout.Root, "_state", "schema");
        _time = time;
        _report = report;
    }

    /// <summary>The state file of <paramref name="endpoint"/>.</summary>
    public string StatePath(string endpoint) => Path.Combine(_folder, endpoint + ".json");

    /// <summary>Compares one response's results with the endpoint's baseline (the <c>ResultObserver</c> hook).</summary>
    public void Observe(string endpoint, JsonElement results)
    {
        var seen = FieldSet.Of(results);
        if (seen.Count == 0) return;
        lock (_gate)
        {
            var baseline = Baseline(endpoint);
            if (baseline is null)
            {
                Save(new SchemaBaseline { Endpoint = endpoint, CreatedUtc = _time.GetUtcNow(), Fields = seen });
                return;
            }

            var drift = SchemaDrift.Between(endpoint, NewYorkTime.LocalDate(_time.GetUtcNow()), baseline.Fields, seen);
            if (drift.IsEmpty || AlreadyReported(baseline, drift)) return;
            baseline.Reports.Add(new SchemaDriftReport(drift.Date, _time.GetUtcNow(), drift.Added, drift.Removed, drift.Retyped));
            if (baseline.Reports.Count > SchemaBaseline.MaxReports) baseline.Reports.RemoveAt(0);
            Save(baseline);
            _report(drift.ToLine());
        }
    }

    private static bool AlreadyReported(SchemaBaseline baseline, SchemaDrift drift) =>
        baseline.Reports.Any(r => r.Date == drift.Date && r.Added.SequenceEqual(drift.Added) && r.Removed.SequenceEqual(drift.Removed) && r.Retyped.SequenceEqual(drift.Retyped));

    /// <summary>The cached or stored baseline; null when there is none yet (or it is unreadable: it is then replaced).</summary>
    private SchemaBaseline? Baseline(string endpoint)
    {
        if (_baselines.TryGetValue(endpoint, out var cached)) return cached;
        var path = StatePath(endpoint);
        if (!File.Exists(path)) return null;
        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllText(path), IngestJson.Default.SchemaBaseline);
            if (stored is not null) return _baselines[endpoint] = stored;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            _report($"schema baseline {path} is unreadable ({e.Message.Split('\n')[0]}); taking a new baseline");
        }
        return null;
    }

    private void Save(SchemaBaseline baseline)
    {
        _baselines[baseline.Endpoint] = baseline;
        try
        {
            AtomicText.Write(StatePath(baseline.Endpoint), JsonSerializer.Serialize(baseline, IngestJson.Default.SchemaBaseline));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _report($"schema baseline {StatePath(baseline.Endpoint)} could not be written ({e.Message}); kept in memory");
        }
    }
}
