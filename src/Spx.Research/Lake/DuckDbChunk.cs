using DuckDB.NET.Native;

namespace Spx.Research.Lake;

/// <summary>
/// One chunk of a <see cref="DuckDbChunkStream"/> (up to 2,048 rows): each column as DuckDB's flat vector, read in
/// place. Fixed-width columns are spans of DuckDB's own layout (DATE: days since 1970-01-01 as <c>int</c>;
/// TIMESTAMP and TIMESTAMPTZ: Unix microseconds as <c>long</c>; DOUBLE: <c>double</c>), VARCHAR cells are read with
/// <see cref="Text"/>. The memory is DuckDB's and valid until the chunk is disposed: nothing read here may outlive it.
/// </summary>
internal sealed unsafe class DuckDbChunk : IDisposable
{
    // DuckDB's string_t: a 4-byte length, then up to 12 bytes inline, or (longer) a 4-byte prefix and a pointer.
    private const int StringSize = 16;
    private const int InlineLength = 12;
    private readonly DuckDBDataChunk _chunk;
    private readonly void*[] _data;
    private readonly ulong*[] _validity;

    internal DuckDbChunk(DuckDBDataChunk chunk, int columns)
    {
        _chunk = chunk;
        Length = checked((int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk));
        _data = new void*[columns];
        _validity = new ulong*[columns];
        for (var i = 0; i < columns; i++)
        {
            var vector = NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, i);
            _data[i] = NativeMethods.Vectors.DuckDBVectorGetData(vector);
            _validity[i] = NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
        }
    }

    /// <summary>Rows in the chunk.</summary>
    public int Length { get; }

    /// <summary>A fixed-width column's values (a NULL slot holds anything: check <see cref="HasNulls"/>).</summary>
    public ReadOnlySpan<T> Values<T>(int column) where T : unmanaged => new(_data[column], Length);

    /// <summary>Whether any row of <paramref name="column"/> is NULL.</summary>
    public bool HasNulls(int column)
    {
        var mask = _validity[column];
        if (mask == null) return false;
        for (var row = 0; row < Length; row += 64)
        {
            var rows = Math.Min(64, Length - row);
            var valid = rows == 64 ? ulong.MaxValue : (1UL << rows) - 1;
            if ((mask[row / 64] & valid) != valid) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="row"/> of <paramref name="column"/> is NULL.</summary>
    public bool IsNull(int column, int row)
    {
        var mask = _validity[column];
        return mask != null && (mask[row / 64] & (1UL << (row % 64))) == 0;
    }

    /// <summary>The UTF-8 bytes of a VARCHAR cell (not NULL).</summary>
    public ReadOnlySpan<byte> Text(int column, int row)
    {
        var cell = (byte*)_data[column] + (long)row * StringSize;
        var length = *(uint*)cell;
        return length <= InlineLength ? new ReadOnlySpan<byte>(cell + 4, (int)length) : new ReadOnlySpan<byte>(*(byte**)(cell + 8), (int)length);
    }

    /// <summary>
    /// True when two VARCHAR cells of the chunk are the same 16 bytes: then they hold the same text (an inline text in
    /// full, a longer one by length, prefix and address). False says nothing: compare <see cref="Text"/> then.
    /// </summary>
    public bool SameCell(int column, int row, int other)
    {
        var cells = (ulong*)_data[column];
        return cells[2 * row] == cells[2 * other] && cells[2 * row + 1] == cells[2 * other + 1];
    }

    public void Dispose() => _chunk.Dispose();
}
