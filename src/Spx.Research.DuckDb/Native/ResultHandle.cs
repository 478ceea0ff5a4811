using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

/// <summary>
/// A <c>duckdb_result</c>. The C API fills a caller-provided struct and then wants a stable pointer to
/// it, so the struct lives in native memory owned by this handle.
/// </summary>
internal sealed unsafe class ResultHandle : NativeHandle
{
    private ResultHandle(IntPtr pointer) : base(pointer) { }

    public static ResultHandle Allocate() =>
        new((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct)));

    /// <summary>Set by the executor: streaming results have no row-change count.</summary>
    public bool IsStreaming { get; set; }

    public DuckDbResultStruct* Result => (DuckDbResultStruct*)handle;

    protected override bool ReleaseHandle()
    {
        var result = (DuckDbResultStruct*)handle;
        NativeMethods.duckdb_destroy_result(result);
        NativeMemory.Free(result);
        return true;
    }
}
