namespace Spx.Research.DuckDb.Native;

/// <summary>An open <c>duckdb_database</c>; closing it is safe even while connections remain, because
/// DuckDB's connections keep the database instance alive until the last one disconnects.</summary>
internal sealed class DatabaseHandle(IntPtr pointer) : NativeHandle(pointer)
{
    protected override bool ReleaseHandle()
    {
        var pointer = handle;
        NativeMethods.duckdb_close(ref pointer);
        return true;
    }
}
