namespace Spx.Research.DuckDb;

/// <summary>
/// An append-only buffer of unknown final length that never copies what it already holds: values go
/// into segments (doubling up to 1M elements) and are copied exactly once more into the final,
/// exactly-sized array. Keeps large results out of the repeated-regrowth trap of List&lt;T&gt;.
/// </summary>
internal sealed class SegmentedBuffer<T>
{
    private const int FirstSegment = 4096;
    private const int MaxSegment = 1 << 20;
    private readonly List<T[]> _full = [];
    private T[] _current = new T[FirstSegment];
    private int _used;

    public long Count { get; private set; }

    /// <summary>A writable span of exactly <paramref name="count"/> slots at the end of the buffer,
    /// possibly split over two segments (hence the two spans).</summary>
    public void Reserve(int count, out Span<T> first, out Span<T> second)
    {
        var firstLength = Math.Min(count, _current.Length - _used);
        first = _current.AsSpan(_used, firstLength);
        _used += firstLength;
        Count += count;
        if (firstLength == count)
        {
            second = default;
            return;
        }
        _full.Add(_current);
        _current = new T[Math.Min(MaxSegment, _current.Length * 2)];
        _used = count - firstLength;
        second = _current.AsSpan(0, _used);
    }

    public T[] ToArray()
    {
        var result = new T[Count];
        var offset = 0;
        foreach (var segment in _full)
        {
            segment.CopyTo(result, offset);
            offset += segment.Length;
        }
        _current.AsSpan(0, _used).CopyTo(result.AsSpan(offset));
        return result;
    }
}
