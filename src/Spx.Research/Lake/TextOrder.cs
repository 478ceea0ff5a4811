namespace Spx.Research.Lake;

/// <summary>
/// Text in the order DuckDB sorts it: by code point, which is the order of the UTF-8 bytes. Writers that sort in C#
/// use it so their files hold rows in the order a <c>COPY … ORDER BY</c> of the same rows would.
/// </summary>
internal static class TextOrder
{
    /// <summary>
    /// Code point order of two valid UTF-16 strings. It is UTF-16 order except where a surrogate (part of a code point
    /// above U+FFFF) meets a unit from U+E000 up, which UTF-16 puts first and code points last.
    /// </summary>
    public static int Compare(string a, string b)
    {
        var common = a.AsSpan().CommonPrefixLength(b);
        if (common == a.Length || common == b.Length) return a.Length.CompareTo(b.Length);
        var (x, y) = (a[common], b[common]);
        if (char.IsSurrogate(x) != char.IsSurrogate(y) && Math.Max(x, y) >= '\uE000') return char.IsSurrogate(x) ? 1 : -1;
        return x.CompareTo(y);
    }
}
