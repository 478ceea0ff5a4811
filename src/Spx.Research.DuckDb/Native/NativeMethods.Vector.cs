using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_data_chunk_reset(IntPtr chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_list_vector_get_child(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_array_vector_get_child(IntPtr vector);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_struct_vector_get_child(IntPtr vector, ulong index);
}
