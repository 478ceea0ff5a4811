using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Spx.Research.DuckDb.Native;

namespace Spx.Research.DuckDb;

/// <summary>
/// Conversions between DuckDB's in-memory value layouts and .NET types, shared by the reader, the
/// columnar result, parameter binding and the appender so each rule exists exactly once.
/// </summary>
internal static unsafe class NativeValues
{
    public const long UnixEpochTicks = 621_355_968_000_000_000;
    private const int UnixEpochDayNumber = 719_162;
    private const long MinMicros = (0 - UnixEpochTicks) / 10;
    private const long MaxMicros = (3_155_378_975_999_999_999 - UnixEpochTicks) / 10;

    // ---- dates and times -------------------------------------------------------------------

    public static DateOnly DateFromDays(int days)
    {
        var dayNumber = (long)days + UnixEpochDayNumber;
        if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber)
            throw new InvalidCastException($"DATE value ({days} days from 1970-01-01, or infinity) is outside the range of DateOnly.");
        return DateOnly.FromDayNumber((int)dayNumber);
    }

    public static int DaysFromDate(DateOnly date) => date.DayNumber - UnixEpochDayNumber;

    public static DateTime DateTimeFromMicros(long micros)
    {
        if (micros < MinMicros || micros > MaxMicros)
            throw new InvalidCastException($"TIMESTAMP value ({micros} µs from 1970-01-01, or infinity) is outside the range of DateTime.");
        return new DateTime(micros * 10 + UnixEpochTicks, DateTimeKind.Unspecified);
    }

    /// <summary>Reads a timestamp stored in <paramref name="unit"/> (TIMESTAMP_S / _MS / _NS or µs otherwise).</summary>
    public static DateTime DateTimeFromRaw(long raw, DuckDbTypeId unit) => unit switch
    {
        DuckDbTypeId.TimestampS => DateTimeFromMicros(checked(raw * 1_000_000)),
        DuckDbTypeId.TimestampMs => DateTimeFromMicros(checked(raw * 1_000)),
        DuckDbTypeId.TimestampNs => new DateTime(raw / 100 + UnixEpochTicks, DateTimeKind.Unspecified),
        _ => DateTimeFromMicros(raw),
    };

    /// <summary>Wall-clock ticks as given, whatever the <see cref="DateTime.Kind"/> (TIMESTAMP has no zone).</summary>
    public static long MicrosFromDateTime(DateTime value) => (value.Ticks - UnixEpochTicks) / 10;

    public static long MicrosFromDateTimeOffset(DateTimeOffset value) => (value.UtcTicks - UnixEpochTicks) / 10;

    public static DateTimeOffset DateTimeOffsetFromMicros(long micros) =>
        new(DateTime.SpecifyKind(DateTimeFromMicros(micros), DateTimeKind.Utc));

    public static TimeOnly TimeFromMicros(long micros) => new(Math.Clamp(micros * 10, 0, TimeOnly.MaxValue.Ticks));

    public static long MicrosFromTime(TimeOnly time) => time.Ticks / 10;

    /// <summary>TIME WITH TIME ZONE: upper 40 bits µs since midnight, lower 24 bits an encoded offset.</summary>
    public static string TimeTzToString(ulong bits)
    {
        const int maxOffsetSeconds = 16 * 60 * 60 - 1;
        var micros = (long)(bits >> 24);
        var offsetSeconds = maxOffsetSeconds - (int)(bits & 0xFF_FFFF);
        var time = TimeFromMicros(micros).ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
        var offset = TimeSpan.FromSeconds(Math.Abs(offsetSeconds));
        return $"{time}{(offsetSeconds < 0 ? '-' : '+')}{offset:hh\\:mm}";
    }

    // ---- numbers ---------------------------------------------------------------------------

    public static decimal DecimalFromUnscaled(long unscaled, byte scale)
    {
        if (scale > 28) return DecimalFromUnscaled((Int128)unscaled, scale);
        var negative = unscaled < 0;
        var magnitude = negative ? (ulong)(-(unscaled + 1)) + 1 : (ulong)unscaled; // safe for long.MinValue
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    public static decimal DecimalFromUnscaled(Int128 unscaled, byte scale)
    {
        // System.Decimal holds a 96-bit magnitude with scale ≤ 28; round away extra scale first.
        while (scale > 28)
        {
            unscaled = Int128.DivRem(unscaled, 10).Quotient + (Int128.Abs(unscaled % 10) >= 5 ? Int128.Sign(unscaled) : 0);
            scale--;
        }
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        if (magnitude >> 96 != 0)
            throw new OverflowException($"DECIMAL value with {magnitude.ToString(CultureInfo.InvariantCulture).Length} digits does not fit System.Decimal.");
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    /// <summary>The unscaled integer and width/scale of a .NET decimal, for binding as DECIMAL.</summary>
    public static NativeDecimal ToNativeDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        Int128 magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        var unscaled = value < 0 ? -magnitude : magnitude;
        var digits = magnitude == 0 ? 1 : magnitude.ToString(CultureInfo.InvariantCulture).Length;
        var width = (byte)Math.Clamp(Math.Max(digits, scale + 1), 1, 38);
        return new NativeDecimal { Width = width, Scale = scale, Value = NativeHugeInt.From(unscaled) };
    }

    /// <summary>Rescales <paramref name="value"/> to <paramref name="scale"/> digits (rounding half away from zero)
    /// and returns the unscaled integer, or false when it exceeds <paramref name="width"/> digits.</summary>
    public static bool TryUnscale(decimal value, byte width, byte scale, out Int128 unscaled)
    {
        unscaled = 0;
        var rounded = Math.Round(value, Math.Min((int)scale, 28), MidpointRounding.AwayFromZero);
        var native = ToNativeDecimal(rounded);
        Int128 result = ((Int128)native.Value.Upper << 64) | native.Value.Lower;
        for (var s = native.Scale; s < scale; s++) result *= 10;
        var limit = Int128.One;
        for (var i = 0; i < width; i++) limit *= 10;
        if (Int128.Abs(result) >= limit) return false;
        unscaled = result;
        return true;
    }

    public static Int128 ReadHugeInt(byte* pointer) => new((ulong)*(long*)(pointer + 8), *(ulong*)pointer);

    public static UInt128 ReadUHugeInt(byte* pointer) => new(*(ulong*)(pointer + 8), *(ulong*)pointer);

    // ---- UUID ------------------------------------------------------------------------------

    /// <summary>DuckDB stores a UUID as a HUGEINT of its 16 big-endian bytes with the top bit flipped,
    /// so that signed comparison sorts UUIDs in byte order.</summary>
    public static Guid GuidFromHugeInt(byte* pointer)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, *(ulong*)(pointer + 8) ^ 0x8000_0000_0000_0000UL);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], *(ulong*)pointer);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The unsigned 128-bit number of a UUID's 16 big-endian bytes (what <c>duckdb_create_uuid</c> takes).</summary>
    public static NativeHugeInt UuidBits(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return new NativeHugeInt
        {
            Upper = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes),
            Lower = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
        };
    }

    /// <summary>The in-vector HUGEINT form of a UUID (top bit flipped).</summary>
    public static void WriteUuid(byte* target, Guid value)
    {
        var bits = UuidBits(value);
        *(ulong*)target = bits.Lower;
        *(ulong*)(target + 8) = (ulong)bits.Upper ^ 0x8000_0000_0000_0000UL;
    }

    // ---- strings ---------------------------------------------------------------------------

    public static ReadOnlySpan<byte> StringBytes(NativeStringT* value)
    {
        var length = (int)value->Length;
        var data = length <= NativeStringT.InlineLength ? (byte*)value + 4 : (byte*)value->Pointer;
        return new ReadOnlySpan<byte>(data, length);
    }

    public static string ReadString(NativeStringT* value) => Encoding.UTF8.GetString(StringBytes(value));

    public static byte[] ReadBlob(NativeStringT* value) => StringBytes(value).ToArray();
}
