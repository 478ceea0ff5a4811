using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Reads a Unix timestamp in milliseconds (aggregate <c>t</c>). Out-of-range or non-numeric values become a
/// <see cref="JsonException"/>, so the caller reports them as a decode error naming the path.
/// </summary>
public sealed class UnixMillisecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException("expected a Unix timestamp in milliseconds");
        var ms = reader.TryGetInt64(out var whole) ? whole : (long)Math.Round(reader.GetDouble());
        return UnixTime.FromMilliseconds(ms);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());
}

/// <summary>
/// Reads a Unix timestamp whose unit varies between samples (<c>last_updated</c> is ns in one official fixture
/// and ms in another): values ≥ 1e15 are nanoseconds, ≥ 1e11 milliseconds, anything smaller seconds.
/// Writes nanoseconds, the documented unit.
/// </summary>
public sealed class UnixTimeFlexibleConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number) throw new JsonException("expected a Unix timestamp");
        return reader.TryGetInt64(out var whole) ? UnixTime.FromAnyUnit(whole) : UnixTime.FromAnyUnit(reader.GetDouble());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((value - DateTimeOffset.UnixEpoch).Ticks * 100);
}

/// <summary>Unix-time arithmetic shared by the converters; range errors surface as <see cref="JsonException"/>.</summary>
internal static class UnixTime
{
    private static readonly long MaxTicks = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks;
    private static readonly long MinTicks = (DateTimeOffset.MinValue - DateTimeOffset.UnixEpoch).Ticks;

    private static DateTimeOffset FromTicks(long ticks) =>
        ticks > MaxTicks || ticks < MinTicks
            ? throw new JsonException($"timestamp of {ticks} ticks is out of range")
            : DateTimeOffset.UnixEpoch.AddTicks(ticks);

    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMilliseconds(long ms) =>
        TryFromMilliseconds(ms, out var instant) ? instant : throw new JsonException($"timestamp {ms} ms is out of range");

    /// <summary>False when <paramref name="ms"/> is outside what <see cref="DateTimeOffset"/> holds.</summary>
    public static bool TryFromMilliseconds(long ms, out DateTimeOffset instant)
    {
        var inRange = ms >= MinMilliseconds && ms <= MaxMilliseconds;
        instant = inRange ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : default;
        return inRange;
    }

    /// <summary>Exact for integers: nanoseconds keep their 100 ns ticks.</summary>
    public static DateTimeOffset FromAnyUnit(long value)
    {
        var abs = value == long.MinValue ? long.MaxValue : Math.Abs(value);
        if (abs >= 1_000_000_000_000_000L) return FromTicks(value / 100);
        return abs >= 100_000_000_000L
            ? FromMilliseconds(value)
            : FromTicks(checked(value * TimeSpan.TicksPerSecond));
    }

    public static DateTimeOffset FromAnyUnit(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new JsonException("timestamp is not a finite number");
        var abs = Math.Abs(value);
        double ticks = abs >= 1e15 ? value / 100.0 : abs >= 1e11 ? value * TimeSpan.TicksPerMillisecond : value * TimeSpan.TicksPerSecond;
        var limit = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks;
        var floor = (DateTimeOffset.MinValue - DateTimeOffset.UnixEpoch).Ticks;
        if (ticks > limit || ticks < floor) throw new JsonException($"timestamp {value} is out of range");
        return DateTimeOffset.UnixEpoch.AddTicks((long)ticks);
    }
}
