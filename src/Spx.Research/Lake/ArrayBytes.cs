using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;

namespace Spx.Research.Lake;

/// <summary>
/// A managed array of numbers seen as the bytes of an Arrow buffer, so a column is handed to Arrow's C++ writer
/// without a copy. Apache.Arrow pins the array while the exported buffer is alive (the C data interface's release).
/// </summary>
internal sealed class ArrayBytes<T>(T[] values, int start, int length) : MemoryManager<byte>
    where T : unmanaged
{
    /// <summary>Elements <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/> of <paramref name="values"/> as a buffer.</summary>
    public static ArrowBuffer Buffer(T[] values, int start, int length) =>
        length == 0 ? ArrowBuffer.Empty : new ArrowBuffer(new ArrayBytes<T>(values, start, length).Memory);

    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(values.AsSpan(start, length));

    /// <summary>Pins the array through <see cref="Memory{T}"/>, which needs no unsafe code; Arrow pins from byte 0.</summary>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        var size = Unsafe.SizeOf<T>();
        if (elementIndex % size != 0) throw new ArgumentOutOfRangeException(nameof(elementIndex), "a pin must start at an element");
        return values.AsMemory(start + elementIndex / size, length - elementIndex / size).Pin();
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
