using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Spx.Research.Lake;

/// <summary>
/// The datasets a lake knows. Immutable: <see cref="Register(DatasetSchema)"/> returns a new registry,
/// so a feature adds its datasets with <c>DatasetRegistry.Default.Register(…)</c> without changing what
/// other code sees.
/// </summary>
public sealed class DatasetRegistry
{
    private readonly ImmutableDictionary<string, DatasetSchema> _byName;

    private DatasetRegistry(ImmutableList<DatasetSchema> datasets)
    {
        Datasets = datasets;
        _byName = datasets.ToImmutableDictionary(d => d.Name, StringComparer.Ordinal);
    }

    /// <summary>A registry with no datasets.</summary>
    public static DatasetRegistry Empty { get; } = new(ImmutableList<DatasetSchema>.Empty);

    /// <summary>
    /// The foundation datasets (<see cref="FoundationDatasets.All"/>), then the put-hedging monitor's
    /// (<see cref="Monitor.MonitorDatasets.All"/>), so <c>spx sql</c>, notebooks and the dashboard see the
    /// monitor's views in any lake — empty and typed until the monitor has written.
    /// </summary>
    public static DatasetRegistry Default { get; } = Empty.Register(FoundationDatasets.All).Register(Monitor.MonitorDatasets.All)
        .Register(Ingest.IngestDatasets.All).Register(Scanning.ScanningDatasets.All)
        .Register(Ingest.Streaming.StreamDatasets.All)
        .Register(Consolidation.ConsolidationDatasets.All);

    /// <summary>Datasets in registration order.</summary>
    public IReadOnlyList<DatasetSchema> Datasets { get; }

    /// <summary>The schema of a dataset; throws <see cref="KeyNotFoundException"/> naming the known datasets.</summary>
    public DatasetSchema this[string name] => TryGet(name, out var schema)
        ? schema
        : throw new KeyNotFoundException(
            $"Unknown lake dataset '{name}'. Known datasets: {string.Join(", ", Datasets.Select(d => d.Name))}.");

    /// <summary>Looks a dataset up by name.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out DatasetSchema? schema) => _byName.TryGetValue(name, out schema);

    /// <summary>Whether a dataset with this name is registered.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>A new registry with <paramref name="schema"/> added; a second dataset with the same name is an error.</summary>
    public DatasetRegistry Register(DatasetSchema schema) => Register([schema]);

    /// <summary>A new registry with all <paramref name="schemas"/> added.</summary>
    public DatasetRegistry Register(IEnumerable<DatasetSchema> schemas)
    {
        var list = (ImmutableList<DatasetSchema>)Datasets;
        foreach (var schema in schemas)
        {
            if (list.Any(d => d.Name == schema.Name))
                throw new ArgumentException($"A lake dataset named '{schema.Name}' is already registered.", nameof(schemas));
            list = list.Add(schema);
        }
        return new DatasetRegistry(list);
    }
}
