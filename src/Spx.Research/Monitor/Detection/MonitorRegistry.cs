using Spx.Research.Lake;

namespace Spx.Research.Monitor.Detection;

/// <summary>
/// A registry that has the monitor's datasets, whether or not <see cref="DatasetRegistry.Default"/> already
/// registers them (registering a dataset twice is an error).
/// </summary>
public static class MonitorRegistry
{
    /// <summary><paramref name="registry"/> (default: <see cref="DatasetRegistry.Default"/>) with the datasets of <see cref="MonitorDatasets.All"/> it lacks.</summary>
    public static DatasetRegistry With(DatasetRegistry? registry = null)
    {
        var known = registry ?? DatasetRegistry.Default;
        return known.Register(MonitorDatasets.All.Where(d => !known.Contains(d.Name)));
    }
}
