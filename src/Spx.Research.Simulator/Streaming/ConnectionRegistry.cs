using System.Collections.Concurrent;

namespace Spx.Research.Simulator.Streaming;

/// <summary>
/// Polygon allows one simultaneous connection per cluster per key; the registry enforces it, and the
/// newcomer is the one turned away (deterministic for tests; the live API closes one of the two).
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<(string Cluster, string Key), object> _open = new();

    /// <summary>Claims the slot; false when another connection holds it.</summary>
    public bool TryClaim(string cluster, string key, object owner) => _open.TryAdd((cluster, key), owner);

    /// <summary>Frees the slot if <paramref name="owner"/> holds it.</summary>
    public void Release(string cluster, string key, object owner) => _open.TryRemove(new KeyValuePair<(string, string), object>((cluster, key), owner));
}
