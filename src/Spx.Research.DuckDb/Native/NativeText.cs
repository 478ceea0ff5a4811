using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

/// <summary>UTF-8 helpers for the strings the C API hands back.</summary>
internal static class NativeText
{
    /// <summary>Reads a string DuckDB still owns (do not free).</summary>
    public static string? Borrowed(IntPtr utf8) => utf8 == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(utf8);

    /// <summary>Reads a string we own and frees it with <c>duckdb_free</c>.</summary>
    public static string? Owned(IntPtr utf8)
    {
        if (utf8 == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(utf8); }
        finally { NativeMethods.duckdb_free(utf8); }
    }
}
