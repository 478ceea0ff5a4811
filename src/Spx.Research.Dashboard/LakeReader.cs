using Spx.Research.Lake;
using Spx.Research.Monitor.Detection;

namespace Spx.Research.Dashboard;

/// <summary>
/// One <see cref="LakeSession"/> shared by all requests, one request at a time. The session re-snapshots a
/// dataset whenever the monitor's writes move its change token, so it reads while the monitor writes and
/// costs one small read per dataset when nothing changed (a fresh DuckDB per request would cost far more).
/// </summary>
internal sealed class LakeReader(string root) : IDisposable
{
    private readonly Lock _gate = new();
    private LakeSession? _session;

    /// <summary>The lake's folder.</summary>
    public string Root { get; } = root;

    /// <summary>Runs <paramref name="read"/> on the shared session.</summary>
    /// <exception cref="LakeNotFoundException">There is no lake folder at <see cref="Root"/> (yet).</exception>
    public T Read<T>(Func<LakeSession, T> read)
    {
        lock (_gate)
        {
            if (!Directory.Exists(Root)) throw new LakeNotFoundException(Root);
            _session ??= new LakeSession(new LakeLayout(Root), MonitorRegistry.With());
            return read(_session);
        }
    }

    /// <summary>Closes the session.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
        }
    }
}
