using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

/// <summary>
/// P/Invoke declarations for DuckDB's C API, named exactly like the C functions so they can be
/// grepped against <c>duckdb.h</c>. Split by concern across partial files. Handles are raw
/// pointers here; ownership lives in the <see cref="SafeHandle"/> types beside this file.
/// </summary>
internal static unsafe partial class NativeMethods
{
    public const int Success = 0;

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_open_ext(string path, out IntPtr database, IntPtr config, out IntPtr error);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_connect(IntPtr database, out IntPtr connection);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_interrupt(IntPtr connection);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_library_version();

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_create_config(out IntPtr config);

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_set_config(IntPtr config, string name, string option);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_free(IntPtr pointer);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_vector_size();
}
