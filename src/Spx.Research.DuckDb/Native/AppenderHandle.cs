namespace Spx.Research.DuckDb.Native;

/// <summary>A <c>duckdb_appender</c>. Destroying it also closes (and flushes) the native appender.</summary>
internal sealed class AppenderHandle(IntPtr pointer) : NativeHandle(pointer)
{
    protected override bool ReleaseHandle()
    {
        var pointer = handle;
        NativeMethods.duckdb_appender_destroy(ref pointer);
        return true;
    }
}
