using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial ulong duckdb_extract_statements(IntPtr connection, string query, out IntPtr extracted);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_prepare_extracted_statement(IntPtr connection, IntPtr extracted, ulong index, out IntPtr prepared);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_extract_statements_error(IntPtr extracted);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_extracted(ref IntPtr extracted);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_prepare_error(IntPtr prepared);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_prepare(ref IntPtr prepared);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_nparams(IntPtr prepared);

    /// <summary>Returns a string the caller frees with <c>duckdb_free</c>.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_parameter_name(IntPtr prepared, ulong index);

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int duckdb_bind_parameter_index(IntPtr prepared, out ulong index, string name);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_prepared_statement_type(IntPtr prepared);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_execute_prepared(IntPtr prepared, DuckDbResultStruct* result);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_execute_prepared_streaming(IntPtr prepared, DuckDbResultStruct* result);
}
