using Apache.Arrow;

namespace Spx.Research.Lake;

/// <summary>An Arrow validity bitmap (bit set = value, clear = NULL), allocated only once a NULL appears.</summary>
internal struct ValidityBits(int length)
{
    private byte[]? _bits;

    /// <summary>Number of NULLs marked.</summary>
    public int NullCount { get; private set; }

    /// <summary>The bitmap, or the empty buffer Arrow reads as "no NULLs".</summary>
    public readonly ArrowBuffer Buffer => _bits is null ? ArrowBuffer.Empty : new ArrowBuffer(_bits);

    /// <summary>Marks row <paramref name="index"/> NULL.</summary>
    public void SetNull(int index)
    {
        if (_bits is null)
        {
            _bits = new byte[(length + 7) / 8];
            _bits.AsSpan().Fill(0xFF);
        }
        _bits[index >> 3] &= (byte)~(1 << (index & 7));
        NullCount++;
    }

    /// <summary>The bitmap of a NULL mask's rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="rows"/>.</summary>
    public static ValidityBits Of(bool[]? isNull, int start, int rows)
    {
        var bits = new ValidityBits(rows);
        if (isNull is null) return bits;
        for (var i = 0; i < rows; i++)
            if (isNull[start + i]) bits.SetNull(i);
        return bits;
    }
}
