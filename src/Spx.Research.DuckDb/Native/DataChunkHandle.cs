namespace Spx.Research.DuckDb.Native;

/// <summary>A <c>duckdb_data_chunk</c>, fetched from a result or created for appending.</summary>
internal sealed class DataChunkHandle(IntPtr pointer) : NativeHandle(pointer)
{
    protected override bool ReleaseHandle()
    {
        var pointer = handle;
        NativeMethods.duckdb_destroy_data_chunk(ref pointer);
        return true;
    }
}
