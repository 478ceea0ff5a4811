using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spx.Research.Polygon.Rest;

/// <summary>
/// Reads and writes one aggregate bar with a single pass over its properties. A day of second bars is
/// tens of thousands of these per page; the generic metadata path spent most of its time finding
/// properties and tracking required ones, which this does with a switch on the one- or two-byte names.
/// Same rules as the attributes it replaces: o/h/l/c/t required and numeric, v/vw/n optional (null for
/// indices), <c>otc</c> only when true, unknown fields skipped.
/// </summary>
public sealed class AggregateBarConverter : JsonConverter<AggregateBar>
{
    public override AggregateBar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"an aggregate bar must be an object, not {reader.TokenType}");
        double open = 0, high = 0, low = 0, close = 0;
        double? volume = null, vwap = null;
        long? transactions = null;
        long start = 0;
        var otc = false;
        var seen = 0; // bits: o h l c t

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (escaped)
            {
                reader.Skip(); // none of Polygon's bar fields needs escaping
                continue;
            }

            switch (name)
            {
                case [(byte)'o']: open = Number(ref reader, "o"); seen |= 1; break;
                case [(byte)'h']: high = Number(ref reader, "h"); seen |= 2; break;
                case [(byte)'l']: low = Number(ref reader, "l"); seen |= 4; break;
                case [(byte)'c']: close = Number(ref reader, "c"); seen |= 8; break;
                case [(byte)'t']: start = Milliseconds(ref reader); seen |= 16; break;
                case [(byte)'v']: volume = OptionalNumber(ref reader, "v"); break;
                case [(byte)'v', (byte)'w']: vwap = OptionalNumber(ref reader, "vw"); break;
                case [(byte)'n']: transactions = reader.TokenType == JsonTokenType.Null ? null : Whole(ref reader, "n"); break;
                case [(byte)'o', (byte)'t', (byte)'c']:
                    otc = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False or JsonTokenType.Null => false,
                        _ => throw new JsonException($"'otc' must be a boolean, not {reader.TokenType}"),
                    };
                    break;
                default: reader.Skip(); break;
            }
        }

        if (seen != 31)
        {
            var missing = new[] { "o", "h", "l", "c", "t" }.Where((_, i) => (seen & (1 << i)) == 0);
            throw new JsonException($"an aggregate bar lacks the required field(s) {string.Join(", ", missing)}");
        }

        return new AggregateBar
        {
            Start = UnixTime.FromMilliseconds(start),
            Open = open, High = high, Low = low, Close = close,
            Volume = volume, Vwap = vwap, Transactions = transactions, Otc = otc,
        };
    }

    public override void Write(Utf8JsonWriter writer, AggregateBar value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Volume is { } volume) writer.WriteNumber("v"u8, volume);
        if (value.Vwap is { } vwap) writer.WriteNumber("vw"u8, vwap);
        writer.WriteNumber("o"u8, value.Open);
        writer.WriteNumber("c"u8, value.Close);
        writer.WriteNumber("h"u8, value.High);
        writer.WriteNumber("l"u8, value.Low);
        writer.WriteNumber("t"u8, value.Start.ToUnixTimeMilliseconds());
        if (value.Transactions is { } n) writer.WriteNumber("n"u8, n);
        if (value.Otc) writer.WriteBoolean("otc"u8, true);
        writer.WriteEndObject();
    }

    private static double Number(ref Utf8JsonReader reader, string field) =>
        WireNumber.TryGetDouble(ref reader, out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException($"'{field}' must be a finite number, not {reader.TokenType}");

    private static double? OptionalNumber(ref Utf8JsonReader reader, string field) =>
        reader.TokenType == JsonTokenType.Null ? null : Number(ref reader, field);

    private static long Whole(ref Utf8JsonReader reader, string field)
    {
        if (WireNumber.TryGetInt64(ref reader, out var whole)) return whole;
        if (WireNumber.TryGetDouble(ref reader, out var value) && double.IsFinite(value) && Math.Abs(value) < 9e18) return (long)Math.Round(value);
        throw new JsonException($"'{field}' must be a whole number, not {reader.TokenType}");
    }

    private static long Milliseconds(ref Utf8JsonReader reader)
    {
        if (WireNumber.TryGetInt64(ref reader, out var ms)) return ms;
        if (WireNumber.TryGetDouble(ref reader, out var value) && double.IsFinite(value) && Math.Abs(value) < 9e18) return (long)Math.Round(value);
        throw new JsonException($"'t' must be Unix milliseconds, not {reader.TokenType}");
    }
}
