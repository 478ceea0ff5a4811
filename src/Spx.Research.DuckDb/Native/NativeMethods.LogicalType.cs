using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_get_type_id(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial byte duckdb_decimal_width(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial byte duckdb_decimal_scale(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_decimal_internal_type(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_enum_internal_type(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial uint duckdb_enum_dictionary_size(IntPtr type);

    /// <summary>Returns a string the caller frees with <c>duckdb_free</c>.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_enum_dictionary_value(IntPtr type, ulong index);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_list_type_child_type(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_array_type_child_type(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_array_type_array_size(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial ulong duckdb_struct_type_child_count(IntPtr type);

    /// <summary>Returns a string the caller frees with <c>duckdb_free</c>.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_struct_type_child_name(IntPtr type, ulong index);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_struct_type_child_type(IntPtr type, ulong index);

    /// <summary>Returns a string the caller frees with <c>duckdb_free</c>, or null when the type has no alias.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_logical_type_get_alias(IntPtr type);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_logical_type(ref IntPtr type);
}
