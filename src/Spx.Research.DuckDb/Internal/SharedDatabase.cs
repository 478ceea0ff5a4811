using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// One native <c>duckdb_database</c> and the number of connections using it. DuckDB wants one
/// database object per file per process ("one database, a connection per thread"): opening the same
/// file twice would fight over its lock. So connections to the same file path (or the same named
/// in-memory database, <c>:memory:NAME</c>) share one instance through <see cref="Acquire"/>, and the
/// last connection to leave closes it. Plain <c>:memory:</c> is private to its connection.
/// </summary>
internal sealed class SharedDatabase
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);

    private readonly string? _key;
    private int _references = 1;

    private SharedDatabase(string? key, DatabaseHandle handle)
    {
        _key = key;
        Handle = handle;
    }

    public DatabaseHandle Handle { get; }

    /// <summary>How many connections currently share the database a connection string names (0 when closed);
    /// for diagnostics and tests.</summary>
    internal static int References(string connectionString)
    {
        var key = DuckDbConnectionOptions.Parse(connectionString).Key;
        if (key is null) return 0;
        lock (Gate) return Open.TryGetValue(key, out var database) ? database._references : 0;
    }

    /// <summary>Takes a reference to the database for <paramref name="options"/>, opening it if needed.
    /// Configuration options apply when the database is first opened; later connections share it as is.</summary>
    public static SharedDatabase Acquire(DuckDbConnectionOptions options)
    {
        if (options.Key is null) return new SharedDatabase(null, OpenNative(options));
        lock (Gate)
        {
            if (Open.TryGetValue(options.Key, out var existing))
            {
                existing._references++;
                return existing;
            }
            var opened = new SharedDatabase(options.Key, OpenNative(options));
            Open.Add(options.Key, opened);
            return opened;
        }
    }

    /// <summary>Gives back one reference; the last one closes the native database.</summary>
    public void Release()
    {
        if (_key is null)
        {
            if (Interlocked.Decrement(ref _references) == 0) Handle.Dispose();
            return;
        }
        lock (Gate)
        {
            if (--_references > 0) return;
            Open.Remove(_key);
        }
        Handle.Dispose();
    }

    private static DatabaseHandle OpenNative(DuckDbConnectionOptions options)
    {
        var config = IntPtr.Zero;
        try
        {
            if (options.Settings.Count > 0)
            {
                if (NativeMethods.duckdb_create_config(out config) != NativeMethods.Success)
                    throw new DuckDbException("Could not create a DuckDB configuration object.");
                foreach (var (name, value) in options.Settings)
                {
                    if (NativeMethods.duckdb_set_config(config, name, value) != NativeMethods.Success)
                        throw new DuckDbException($"Invalid DuckDB configuration option '{name}={value}'.");
                }
            }
            if (NativeMethods.duckdb_open_ext(options.NativePath, out var database, config, out var error) != NativeMethods.Success)
            {
                var message = NativeText.Owned(error) ?? "unknown error";
                if (database != IntPtr.Zero) NativeMethods.duckdb_close(ref database);
                throw new DuckDbException($"Could not open DuckDB database '{options.DataSource}': {message}");
            }
            return new DatabaseHandle(database);
        }
        finally
        {
            if (config != IntPtr.Zero) NativeMethods.duckdb_destroy_config(ref config);
        }
    }
}
