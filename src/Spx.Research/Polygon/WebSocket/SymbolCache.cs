using System.Text;

namespace Spx.Research.Polygon.WebSocket;

/// <summary>
/// Hands out one shared string per distinct ASCII symbol, looked up by the raw UTF-8 bytes of the wire value.
/// Symbols and event types repeat all day; looking them up without first transcoding to UTF-16 keeps a
/// steady stream allocation-free apart from the events. Non-ASCII and over-long values are not cached.
/// </summary>
/// <remarks>Not thread-safe: one per decoder.</remarks>
internal sealed class SymbolCache
{
    private const int MaxLength = 256;

    /// <summary>Invalid UTF-8 is an error, not a replacement character: a corrupted symbol must not pass as data.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly HashSet<string> _strings = new(AsciiComparer.Instance);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<byte>> _byBytes;
    private readonly int _capacity;

    public SymbolCache(int capacity)
    {
        _capacity = capacity;
        _byBytes = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => _strings.Count;

    /// <summary>The string for <paramref name="utf8"/> (unescaped UTF-8), shared when it is a cached ASCII symbol.</summary>
    /// <exception cref="DecoderFallbackException">The bytes are not valid UTF-8.</exception>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || !Ascii.IsValid(utf8)) return StrictUtf8.GetString(utf8);
        if (_byBytes.TryGetValue(utf8, out var cached)) return cached;
        var created = Encoding.ASCII.GetString(utf8);
        if (_strings.Count < _capacity) _strings.Add(created);
        return created;
    }

    /// <summary>The shared instance of <paramref name="text"/> when it is cached, else <paramref name="text"/>.</summary>
    public string Get(string text)
    {
        if (_strings.TryGetValue(text, out var cached)) return cached;
        if (_strings.Count < _capacity && text.Length <= MaxLength && Ascii.IsValid(text)) _strings.Add(text);
        return text;
    }

    /// <summary>
    /// Ordinal equality on strings that hashes a string and its ASCII bytes alike, so either can find the
    /// other. Only ASCII strings are ever stored, which is what makes the two hashes agree.
    /// </summary>
    private sealed class AsciiComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
    {
        public static readonly AsciiComparer Instance = new();

        public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

        public int GetHashCode(string text)
        {
            if (text.Length > MaxLength || !Ascii.IsValid(text)) return string.GetHashCode(text, StringComparison.Ordinal);
            Span<byte> bytes = stackalloc byte[MaxLength];
            var length = Encoding.ASCII.GetBytes(text, bytes);
            return GetHashCode(bytes[..length]);
        }

        public bool Equals(ReadOnlySpan<byte> utf8, string text) => Ascii.Equals(utf8, text);

        public int GetHashCode(ReadOnlySpan<byte> utf8)
        {
            var hash = new HashCode();
            hash.AddBytes(utf8);
            return hash.ToHashCode();
        }

        public string Create(ReadOnlySpan<byte> utf8) => Encoding.ASCII.GetString(utf8);
    }
}
