using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_appender_create(IntPtr connection, string? schema, string table, out IntPtr appender);

    /// <summary>The appender's last error; owned by the appender, not freed by the caller.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_appender_error(IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_appender_column_count(IntPtr appender);

    /// <summary>Returns a logical type the caller destroys.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_appender_column_type(IntPtr appender, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_append_data_chunk(IntPtr appender, IntPtr chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_appender_flush(IntPtr appender);

    /// <summary>Drops the appender's buffered rows without writing them.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_appender_clear(IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_appender_destroy(ref IntPtr appender);

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_table_description_create(IntPtr connection, string? schema, string table, out IntPtr description);

    /// <summary>Returns a string the caller frees with <c>duckdb_free</c>.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_table_description_get_column_name(IntPtr description, ulong index);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_table_description_destroy(ref IntPtr description);
}
