using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck.Xunit;

namespace Spx.Research.Polygon.Tests;

/// <summary>
/// The fast number reader must return exactly the double (bit for bit) and the long the general parser
/// returns, for every JSON number: the fast path where it applies, the reader's own parser otherwise.
/// </summary>
public sealed class WireNumberTests
{
    [Theory]
    [InlineData("580.1234")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("5998.05")]
    [InlineData("9007199254740992")]          // 2^53: largest exact mantissa, fast path
    [InlineData("9007199254740993")]          // 2^53 + 1: falls back, rounds to even
    [InlineData("1234567890123456789")]       // 19 digits, above 2^53: falls back
    [InlineData("12345678901234567890.5")]    // 21 digits: falls back
    [InlineData("0.0000000000000000000001")]  // 22 fraction digits: fast path
    [InlineData("0.00000000000000000000001")] // 23 fraction digits: falls back
    [InlineData("1e3")]
    [InlineData("-2.5E-3")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("4.9e-324")]
    public void Reads_the_same_double_as_the_general_parser(string text)
    {
        Assert.True(TryDouble(text, out var value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("1741012200000", 1741012200000L)]
    [InlineData("-42", -42L)]
    [InlineData("999999999999999999", 999999999999999999L)]    // 18 digits: fast path
    [InlineData("9223372036854775807", long.MaxValue)]          // 19 digits: the reader's parser
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Reads_whole_numbers(string text, long expected)
    {
        Assert.True(TryLong(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808")] // one past long.MaxValue
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("\"12\"")]
    [InlineData("null")]
    public void Rejects_what_is_not_a_long(string json) => Assert.False(TryLong(json, out _));

    [Fact]
    public void Rejects_a_string_token_as_a_double() => Assert.False(TryDouble("\"580.12\"", out _));

    [Property(MaxTest = 2000)]
    public bool Any_finite_double_round_trips_bit_for_bit(double value)
    {
        if (!double.IsFinite(value)) return true;
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return TryDouble(text, out var read) && BitConverter.DoubleToInt64Bits(read) == BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 2000)]
    public bool Prices_with_up_to_eight_decimals_match_the_general_parser(long cents, byte decimals)
    {
        var text = ((decimal)(cents % 100_000_000_000L) / (decimal)Math.Pow(10, decimals % 9)).ToString(CultureInfo.InvariantCulture);
        return TryDouble(text, out var read) && BitConverter.DoubleToInt64Bits(read) == BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture));
    }

    [Property(MaxTest = 1000)]
    public bool Any_long_round_trips(long value) =>
        TryLong(value.ToString(CultureInfo.InvariantCulture), out var read) && read == value;

    private static bool TryDouble(string json, out double value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return WireNumber.TryGetDouble(ref reader, out value);
    }

    private static bool TryLong(string json, out long value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return WireNumber.TryGetInt64(ref reader, out value);
    }
}
