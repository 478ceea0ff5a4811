using System.Data.Common;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Spx.Research.Lake;

/// <summary>
/// A query's result streamed chunk by chunk through DuckDB's C API, each column read where DuckDB holds it
/// (<see cref="DuckDbChunk"/>): no Arrow conversion and no call per value. For loops over millions of rows of a few
/// fixed-width columns (the momentum kernel); anything smaller is simpler through a reader.
/// </summary>
/// <remarks>
/// DuckDB's streaming result keeps a few chunks ahead of the reader, so the whole result is never in memory. Like the
/// connection, a stream is not thread-safe, and nothing else may run on its connection until it is disposed.
/// Errors are <see cref="DuckDbChunkStreamException"/>, a <see cref="DbException"/> carrying DuckDB's message, so
/// <see cref="LakeSession.Run{T}"/> retries a query whose snapshot files vanished as it does for any other.
/// </remarks>
internal sealed class DuckDbChunkStream : IDisposable
{
    private readonly DuckDBPreparedStatement _prepared;
    private DuckDBResult _result;
    private DuckDbChunk? _current;

    private DuckDbChunkStream(DuckDBPreparedStatement prepared, DuckDBResult result, DuckDBType[] types)
    {
        _prepared = prepared;
        _result = result;
        Types = types;
    }

    /// <summary>The columns' DuckDB types, in the query's order.</summary>
    public IReadOnlyList<DuckDBType> Types { get; }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="connection"/> as a streaming query.</summary>
    /// <exception cref="DuckDbChunkStreamException">DuckDB could not prepare or run it (DuckDB's message).</exception>
    public static DuckDbChunkStream Open(DuckDBConnection connection, string sql)
    {
        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection.NativeConnection, sql, out var prepared) != DuckDBState.Success)
        {
            var message = NativeMethods.PreparedStatements.DuckDBPrepareError(prepared);
            prepared.Dispose();
            throw new DuckDbChunkStreamException(message);
        }
        if (NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(prepared, out var result) != DuckDBState.Success)
        {
            var message = NativeMethods.Query.DuckDBResultError(ref result);
            result.Close();
            prepared.Dispose();
            throw new DuckDbChunkStreamException(message);
        }
        var types = new DuckDBType[NativeMethods.Query.DuckDBColumnCount(ref result)];
        for (var i = 0; i < types.Length; i++) types[i] = NativeMethods.Query.DuckDBColumnType(ref result, i);
        return new DuckDbChunkStream(prepared, result, types);
    }

    /// <summary>
    /// The next chunk, or null at the end. The chunk before it is released first: read each chunk before asking for the next.
    /// </summary>
    public DuckDbChunk? Next()
    {
        _current?.Dispose();
        _current = null;
        var chunk = NativeMethods.Query.DuckDBFetchChunk(_result);
        if (chunk.IsInvalid)
        {
            chunk.Dispose();
            // A null chunk is the end, or an error the result now holds.
            var error = NativeMethods.Query.DuckDBResultError(ref _result);
            if (!string.IsNullOrEmpty(error)) throw new DuckDbChunkStreamException(error);
            return null;
        }
        _current = new DuckDbChunk(chunk, Types.Count);
        return _current.Length > 0 ? _current : Next();
    }

    public void Dispose()
    {
        _current?.Dispose();
        _result.Close();
        _prepared.Dispose();
    }
}

/// <summary>DuckDB's error from a <see cref="DuckDbChunkStream"/>, as a <see cref="DbException"/> like the provider's own.</summary>
internal sealed class DuckDbChunkStreamException(string message) : DbException(message);
