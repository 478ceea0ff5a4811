using System.Text.Json;

namespace Spx.Research.Polygon;

/// <summary>
/// Reads the numbers Polygon sends (prices like <c>580.1234</c>, volumes, Unix milliseconds) faster than
/// <see cref="Utf8JsonReader.TryGetDouble"/>, which runs the general decimal-to-binary conversion for every
/// value. Prices on the wire are short plain decimals, so almost all of them take Clinger's fast path: a
/// mantissa below 2^53 and at most 22 fraction digits are both exact doubles, and one IEEE division of
/// two exact values is correctly rounded — the same double the general parser returns. Anything else
/// (exponents, long mantissas) falls back to the reader.
/// </summary>
internal static class WireNumber
{
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The current number token as a double; false when the token is not a number or is out of range.</summary>
    public static bool TryGetDouble(ref Utf8JsonReader reader, out double value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            value = 0;
            return false;
        }
        if (!reader.HasValueSequence && TryParseSimpleDecimal(reader.ValueSpan, out value)) return true;
        return reader.TryGetDouble(out value);
    }

    /// <summary>The current number token as a whole number; false for a fraction, an exponent past the range, or a non-number.</summary>
    public static bool TryGetInt64(ref Utf8JsonReader reader, out long value)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            value = 0;
            return false;
        }
        if (!reader.HasValueSequence && TryParseSmallInteger(reader.ValueSpan, out value)) return true;
        return reader.TryGetInt64(out value);
    }

    /// <summary>
    /// <c>-?digits(.digits)?</c> whose digits fit the fast path. The reader has already checked the JSON
    /// number grammar, so only the shape that matters here is examined.
    /// </summary>
    internal static bool TryParseSimpleDecimal(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = (uint)text.Length > 0 && text[0] == (byte)'-';
        if (negative) i = 1;
        var digitsStart = i;
        ulong mantissa = 0;
        uint digit;
        while ((uint)i < (uint)text.Length && (digit = (uint)(text[i] - '0')) <= 9)
        {
            mantissa = mantissa * 10 + digit;
            i++;
        }
        var integerDigits = i - digitsStart;
        var fraction = 0;
        if ((uint)i < (uint)text.Length)
        {
            if (text[i] != (byte)'.') return false; // an exponent
            var fractionStart = ++i;
            while ((uint)i < (uint)text.Length && (digit = (uint)(text[i] - '0')) <= 9)
            {
                mantissa = mantissa * 10 + digit;
                i++;
            }
            fraction = i - fractionStart;
            if (i != text.Length || fraction == 0) return false; // an exponent, or not a JSON number
        }
        // 19 digits cannot overflow 64 bits; past 2^53 or 10^22 the fast path is not exact.
        var digits = integerDigits + fraction;
        if (integerDigits == 0 || digits > 19 || mantissa > MaxExactMantissa || fraction > 22) return false;
        value = fraction == 0 ? mantissa : mantissa / PowersOfTen[fraction];
        if (negative) value = -value;
        return true;
    }

    /// <summary><c>-?digits</c> of at most 18 digits (cannot overflow).</summary>
    internal static bool TryParseSmallInteger(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        var digitsStart = negative ? 1 : 0;
        var count = text.Length - digitsStart;
        if (count is < 1 or > 18) return false;
        long whole = 0;
        foreach (var b in text[digitsStart..])
        {
            var digit = (uint)(b - '0');
            if (digit > 9) return false;
            whole = whole * 10 + digit;
        }
        value = negative ? -whole : whole;
        return true;
    }
}
