using Apache.Arrow;
using Apache.Arrow.Types;
using Utf8 = System.Text.Encoding;

namespace Spx.Research.Lake;

/// <summary>
/// Text as an Arrow dictionary array: each row an index into the distinct strings, in order of first appearance.
/// Arrow's Parquet writer puts such indices straight into a dictionary-encoded column, where handing it every row's
/// bytes made it hash each value again (~40 ns a value). A day's rows repeat a few hundred tickers and a handful of
/// statuses as shared references, so most rows cost one reference comparison here.
/// </summary>
internal static class ArrowTextColumn
{
    private static readonly DictionaryType Type = new(Int32Type.Default, StringType.Default, ordered: false);

    /// <summary>Rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="rows"/>; null strings are NULL.</summary>
    public static DictionaryArray Slice(string?[] text, int start, int rows)
    {
        var indices = new int[rows];
        var validity = new ValidityBits(rows);
        // By reference first (cheap), then by value, so equal strings held as different objects share one entry:
        // the writer requires a dictionary of distinct values.
        var byReference = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var byValue = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        string? last = null;
        var lastIndex = 0;
        for (var i = 0; i < rows; i++)
        {
            if (text[start + i] is not { } value)
            {
                validity.SetNull(i);
                continue;
            }
            if (!ReferenceEquals(value, last))
            {
                if (!byReference.TryGetValue(value, out lastIndex))
                {
                    if (!byValue.TryGetValue(value, out lastIndex))
                    {
                        lastIndex = distinct.Count;
                        byValue.Add(value, lastIndex);
                        distinct.Add(value);
                    }
                    byReference.Add(value, lastIndex);
                }
                last = value;
            }
            indices[i] = lastIndex;
        }
        var keys = new Int32Array(ArrayBytes<int>.Buffer(indices, 0, rows), validity.Buffer, rows, validity.NullCount, 0);
        return new DictionaryArray(Type, keys, Strings(distinct));
    }

    private static StringArray Strings(List<string> values)
    {
        var offsets = new int[values.Count + 1];
        for (var i = 0; i < values.Count; i++) offsets[i + 1] = offsets[i] + Utf8.UTF8.GetByteCount(values[i]);
        var bytes = new byte[offsets[^1]];
        for (var i = 0; i < values.Count; i++) Utf8.UTF8.GetBytes(values[i], bytes.AsSpan(offsets[i]));
        return new StringArray(values.Count, ArrayBytes<int>.Buffer(offsets, 0, offsets.Length), new ArrowBuffer(bytes), ArrowBuffer.Empty, 0, 0);
    }
}
