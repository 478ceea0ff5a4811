using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

// duckdb_date / duckdb_time / duckdb_timestamp are single-field structs; by value they travel
// exactly like their int32 / int64 field on every supported ABI, so we declare the field type.
internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_boolean(IntPtr prepared, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_int8(IntPtr prepared, ulong index, sbyte value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_int16(IntPtr prepared, ulong index, short value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_int32(IntPtr prepared, ulong index, int value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_int64(IntPtr prepared, ulong index, long value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_uint8(IntPtr prepared, ulong index, byte value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_uint16(IntPtr prepared, ulong index, ushort value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_uint32(IntPtr prepared, ulong index, uint value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_uint64(IntPtr prepared, ulong index, ulong value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_hugeint(IntPtr prepared, ulong index, NativeHugeInt value);

    /// <summary>Same layout as <c>duckdb_uhugeint</c>; <see cref="NativeHugeInt.Upper"/> is reinterpreted as unsigned.</summary>
    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_uhugeint(IntPtr prepared, ulong index, NativeHugeInt value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_float(IntPtr prepared, ulong index, float value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_double(IntPtr prepared, ulong index, double value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_decimal(IntPtr prepared, ulong index, NativeDecimal value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_date(IntPtr prepared, ulong index, int days);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_time(IntPtr prepared, ulong index, long micros);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_timestamp(IntPtr prepared, ulong index, long micros);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_timestamp_tz(IntPtr prepared, ulong index, long micros);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_interval(IntPtr prepared, ulong index, NativeInterval value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_varchar_length(IntPtr prepared, ulong index, byte* value, ulong length);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_blob(IntPtr prepared, ulong index, void* data, ulong length);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_null(IntPtr prepared, ulong index);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial int duckdb_bind_value(IntPtr prepared, ulong index, IntPtr value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial IntPtr duckdb_create_uuid(NativeHugeInt value);

    [LibraryImport(DuckDbLibrary.Name)]
    public static partial void duckdb_destroy_value(ref IntPtr value);
}
