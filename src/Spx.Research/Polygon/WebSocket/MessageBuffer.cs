using System.Buffers;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// A pooled receive buffer that grows in place, so one array per connection is reused for every message and
/// a large frame does not leave the loop holding an array the pool already took back.
/// </summary>
internal sealed class MessageBuffer(int initialBytes) : IDisposable
{
    public byte[] Bytes { get; private set; } = ArrayPool<byte>.Shared.Rent(initialBytes);

    /// <summary>Moves the first <paramref name="used"/> bytes into a buffer of at least <paramref name="minimumBytes"/>.</summary>
    public void Grow(int used, int minimumBytes)
    {
        var larger = ArrayPool<byte>.Shared.Rent(minimumBytes);
        Bytes.AsSpan(0, used).CopyTo(larger);
        var old = Bytes;
        Bytes = larger;
        ArrayPool<byte>.Shared.Return(old);
    }

    public void Dispose()
    {
        var bytes = Bytes;
        Bytes = [];
        if (bytes.Length > 0) ArrayPool<byte>.Shared.Return(bytes);
    }
}
