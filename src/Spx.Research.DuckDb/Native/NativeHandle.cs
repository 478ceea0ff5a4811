using System.Runtime.InteropServices;

namespace Spx.Research.DuckDb.Native;

/// <summary>
/// Base for every owned DuckDB object: a <see cref="SafeHandle"/> so a forgotten Dispose still frees
/// native memory on finalization, and so a handle in use is never freed under a caller's feet.
/// </summary>
internal abstract class NativeHandle : SafeHandle
{
    protected NativeHandle(IntPtr pointer) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(pointer);

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The raw pointer; callers keep this handle alive while they use it.</summary>
    public IntPtr Pointer => handle;
}
