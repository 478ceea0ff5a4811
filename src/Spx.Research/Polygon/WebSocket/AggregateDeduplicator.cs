namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Recognises an aggregate seen before — same event type, symbol and window start — so a bar the server
/// sends twice (a duplicated frame, or a replay after a reconnect) reaches the consumer once. Out-of-order
/// bars are new bars and pass. Memory stays bounded: per symbol only window starts within
/// <see cref="Horizon"/> of the newest are remembered; an older bar cannot be checked and passes.
/// </summary>
internal sealed class AggregateDeduplicator
{
    /// <summary>How far back a repeat is still recognised.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromMinutes(15);

    private readonly Dictionary<(string EventType, string Symbol), Window> _windows = [];

    /// <summary>Window starts remembered across all symbols (what the memory bound is about).</summary>
    public int Remembered => _windows.Values.Sum(w => w.Count);

    /// <summary>True the first time a bar is seen (deliver it); false for a repeat.</summary>
    public bool IsNew(AggregateEvent bar)
    {
        var key = (bar.EventType, bar.Symbol);
        if (!_windows.TryGetValue(key, out var window)) _windows[key] = window = new Window();
        return window.Add(bar.Start.ToUnixTimeMilliseconds());
    }

    private sealed class Window
    {
        private const int PruneAt = 4096;
        private static readonly long HorizonMs = (long)Horizon.TotalMilliseconds;
        private readonly HashSet<long> _starts = [];
        private long _newest = long.MinValue;

        public int Count => _starts.Count;

        public bool Add(long start)
        {
            if (_newest != long.MinValue && start < _newest - HorizonMs) return true; // too old to check
            if (!_starts.Add(start)) return false;
            if (start > _newest) _newest = start;
            if (_starts.Count > PruneAt) _starts.RemoveWhere(s => s < _newest - HorizonMs);
            return true;
        }
    }
}
