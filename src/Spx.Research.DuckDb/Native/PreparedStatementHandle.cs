namespace Spx.Research.DuckDb.Native;

/// <summary>A <c>duckdb_prepared_statement</c>.</summary>
internal sealed class PreparedStatementHandle(IntPtr pointer) : NativeHandle(pointer)
{
    protected override bool ReleaseHandle()
    {
        var pointer = handle;
        NativeMethods.duckdb_destroy_prepare(ref pointer);
        return true;
    }
}
