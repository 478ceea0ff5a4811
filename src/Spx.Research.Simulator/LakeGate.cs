using DuckDB.NET.Data;
using Spx.Research.Lake;

namespace Spx.Research.Simulator;

/// <summary>
/// One <see cref="LakeSession"/> shared by all requests, one query at a time: a session is not
/// thread-safe, and DuckDB parallelises each query internally, so serialising costs little for a simulator.
/// </summary>
/// <remarks>
/// A lake still being generated needs no reopening here: before every query (under this lock) the session
/// re-snapshots each dataset whose change token moved, so a request the <see cref="Generation.LakeFrontier"/>
/// releases sees the session it waited for — each partition as one complete version, never half written.
/// </remarks>
public sealed class LakeGate(string root) : IDisposable
{
    private readonly LakeSession _session = LakeSession.Open(root);
    private readonly Lock _gate = new();

    /// <summary>The lake folder.</summary>
    public string Root { get; } = root;

    /// <summary>Runs <paramref name="sql"/> and reads every row with <paramref name="read"/>.</summary>
    public List<T> Rows<T>(string sql, Func<DuckDBDataReader, T> read)
    {
        lock (_gate)
        {
            return _session.Query(sql, reader =>
            {
                var rows = new List<T>();
                while (reader.Read()) rows.Add(read(reader));
                return rows;
            });
        }
    }

    /// <summary>The first value of <paramref name="sql"/>.</summary>
    public T? Scalar<T>(string sql)
    {
        lock (_gate) return _session.Scalar<T>(sql);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate) _session.Dispose();
    }
}
