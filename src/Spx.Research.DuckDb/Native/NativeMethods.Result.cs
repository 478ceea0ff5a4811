using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_result(DuckDbResultStruct* result);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_result_error(DuckDbResultStruct* result);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_column_count(DuckDbResultStruct* result);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_column_name(DuckDbResultStruct* result, ulong column);

    /// <summary>Returns a logical type the caller destroys.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_column_logical_type(DuckDbResultStruct* result, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_rows_changed(DuckDbResultStruct* result);

    /// <summary>Total rows of a materialized result (0 for a streaming one).</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_row_count(DuckDbResultStruct* result);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_result_return_type(DuckDbResultStruct result);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_fetch_chunk(DuckDbResultStruct result);
}
